/**
 * Benchmark module of `npm run bench`: `packet-ladder analyze` end to end (process start, read,
 * decode, analysis, JSON Lines into a pipe) against `tshark -T fields -e tcp.stream -e tcp.seq` on
 * the same 500,000-packet capture of loopback echo conversations, in the same run; and analyze's
 * peak RSS on that file and on one half its size (flat in file size).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPiped, type CommandRun } from './analyze-measure.ts';
import type { BenchRow } from './bench-row.ts';
import { generatePcap } from './decode-generate.ts';

const PACKETS = 500_000;
const TIMEOUT_MS = 15 * 60_000;
const MB = 2 ** 20;

const bin = fileURLToPath(new URL('../bin/packet-ladder.js', import.meta.url));
const analyze = (file: string) => runPiped(process.execPath, [bin, 'analyze', file], TIMEOUT_MS);
const tshark = (file: string) =>
  runPiped(
    'tshark',
    ['-n', '-r', file, '-T', 'fields', '-e', 'tcp.stream', '-e', 'tcp.seq'],
    TIMEOUT_MS,
  );

function check(name: string, run: CommandRun, packets: number): void {
  if (run.code !== 0 || run.lines !== packets)
    throw new Error(
      `${name} printed ${run.lines} lines of ${packets}, exit ${run.code}: ${run.stderr.trim()}`,
    );
}

export async function rows(keys: readonly string[]): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-analyze-'));
  try {
    const big = join(dir, 'echo-500k.pcap');
    const half = join(dir, 'echo-250k.pcap');
    const size = generatePcap(big, PACKETS, 1, 'echo');
    generatePcap(half, PACKETS / 2, 2, 'echo');
    const ours = await analyze(big);
    check('analyze', ours, PACKETS);
    const out: BenchRow[] = [];
    const file = `${PACKETS.toLocaleString('en-US')} packets, ${(size / MB).toFixed(0)} MB`;
    if (keys.includes('analyze_vs_tshark')) {
      const theirs = await tshark(big);
      check('tshark', theirs, PACKETS);
      out.push({
        key: 'analyze_vs_tshark',
        figure: Number((theirs.seconds / ours.seconds).toFixed(2)),
        unit: 'x',
        target: 3,
        kind: 'atLeast',
        reference: `${file}: analyze ${ours.seconds.toFixed(2)} s, tshark ${theirs.seconds.toFixed(2)} s`,
      });
    }
    if (keys.includes('analyze_peak_mb')) {
      const halfRun = await analyze(half);
      check('analyze (half file)', halfRun, PACKETS / 2);
      out.push({
        key: 'analyze_peak_mb',
        figure: Math.round(ours.peakRss / MB),
        unit: 'MB',
        target: 150,
        kind: 'atMost',
        reference: `${file}; half the file: ${Math.round(halfRun.peakRss / MB)} MB`,
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
