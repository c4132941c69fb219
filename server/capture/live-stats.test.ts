/** Kernel drops surface while the capture runs, from the counters the tool prints on SIGUSR1. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaptureStatus } from '../../core/protocol.ts';
import { ProcessCaptureSource } from './process-capture-source.ts';

const dir = mkdtempSync(join(tmpdir(), 'live-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Writes a pcap header (the ready signal), then answers each SIGUSR1 with tcpdump's counter line,
// dropping two more packets each time.
const script = join(dir, 'fake-tcpdump');
writeFileSync(
  script,
  `#!/bin/bash
n=0
trap 'n=$((n+2)); echo "tcpdump: 10 packets captured, 12 packets received by filter, $n packets dropped by kernel" >&2' USR1
printf '\\xd4\\xc3\\xb2\\xa1\\x02\\x00\\x04\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x04\\x00\\x01\\x00\\x00\\x00'
for i in $(seq 1 100); do sleep 0.05; done
`,
);
chmodSync(script, 0o755);

describe('live capture statistics', () => {
  it('updates the dropped count while running', async () => {
    const source = new ProcessCaptureSource({
      tool: 'tcpdump',
      binary: script,
      args: [],
      iface: 'lo',
      filter: '',
      statsIntervalMs: 100,
    });
    const seen: CaptureStatus[] = [];
    source.on('status', (s) => seen.push(s));
    await source.start();
    const end = Date.now() + 4000;
    while (!seen.some((s) => s.state === 'running' && (s.dropped ?? 0) >= 4) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await source.stop();
    const running = seen.filter((s) => s.state === 'running' && s.dropped !== undefined);
    expect(running.map((s) => s.dropped).slice(0, 2)).toEqual([2, 4]);
    expect(running[0]!.packets).toBe(10);
    expect(source.dropped).toBeGreaterThanOrEqual(4);
  });
});
