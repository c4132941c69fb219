/**
 * The two measurements of the decode benchmark: Packet Ladder's ingest chain over a file read in
 * 1 MiB chunks (rate and peak memory), and tshark printing two TCP fields of every packet.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCaptureIngest } from '../core/ingest/capture-ingest.ts';

const CHUNK = 1024 * 1024;

export interface OurRun {
  packets: number;
  seconds: number;
  /** Peaks sampled after every chunk, bytes. */
  peakRss: number;
  peakHeap: number;
  /** Heap still in use after a full GC at the end, with the analysis state alive: what is held. */
  heldHeap: number;
}

/** Reading, decoding and TCP/UDP analysis of every packet, as `analyze` does (no payload previews). */
export function measureOurs(file: string): OurRun {
  global.gc?.();
  const ingest = createCaptureIngest({ previewBytes: 0 });
  const fd = openSync(file, 'r');
  let packets = 0;
  let peakRss = 0;
  let peakHeap = 0;
  const started = performance.now();
  try {
    for (;;) {
      const chunk = new Uint8Array(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      packets += ingest.push(chunk.subarray(0, n)).length;
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
    packets += ingest.end().length;
  } finally {
    closeSync(fd);
  }
  const seconds = (performance.now() - started) / 1000;
  global.gc?.();
  const heldHeap = process.memoryUsage().heapUsed;
  // Keep the analysis state reachable until after the measurement.
  if (ingest.count < 0) console.log(ingest.analyzer.conversations().length);
  return { packets, seconds, peakRss, peakHeap, heldHeap };
}

/** measureOurs in a child process of its own (same Node flags), bounded in time. */
export function measureOursApart(file: string): OurRun {
  const script = fileURLToPath(new URL('./decode-ours-run.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, script, file], {
    encoding: 'utf8',
    timeout: 30 * 60_000,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`measuring ${file} ended with ${r.status ?? r.signal}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as OurRun;
}

export interface TsharkRun {
  seconds: number;
  ok: boolean;
  error?: string;
}

/** `tshark -n -r FILE -T fields -e tcp.stream -e tcp.seq > /dev/null`, wall time. */
export function measureTshark(file: string): TsharkRun {
  const devNull = openSync('/dev/null', 'w');
  const started = performance.now();
  try {
    const r = spawnSync(
      'tshark',
      ['-n', '-r', file, '-T', 'fields', '-e', 'tcp.stream', '-e', 'tcp.seq'],
      { stdio: ['ignore', devNull, 'pipe'], timeout: 15 * 60_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (r.error) return { seconds, ok: false, error: r.error.message };
    if (r.status !== 0)
      return {
        seconds,
        ok: false,
        error: `exit ${r.status}: ${String(r.stderr).trim().split('\n').pop()}`,
      };
    return { seconds, ok: true };
  } finally {
    closeSync(devNull);
  }
}
