/**
 * Benchmark module of `npm run bench`: `packet-ladder analyze` end to end (process start, read,
 * decode, analysis, JSON Lines into a pipe) against `tshark -T fields -e tcp.stream -e tcp.seq` on
 * the same 500,000-packet capture of loopback echo conversations, in the same run; and analyze's
 * peak RSS on that file and on one half its size (flat in file size).
 *
 * The two commands run in turn, RUNS times each, and the ratio is of their median times: on a
 * shared machine one run of either can take twice its usual time, and a single pair decided the
 * ratio by whichever was unlucky. Every run's time is printed beside the figure. The generated
 * files are written to disk and the machine given a moment before the first run: the module before
 * this one (a browser) may still be ending.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPiped, type CommandRun } from './analyze-measure.ts';
import type { BenchRow } from './bench-row.ts';
import { generatePcap } from './decode-generate.ts';
import { percentile } from './page-browser.ts';

const PACKETS = 500_000;
const TIMEOUT_MS = 15 * 60_000;
const MB = 2 ** 20;
/** Runs of each command, in turn (odd, so the median is one of them). */
const RUNS = 5;
/** Pause after the files are on disk, before the first timed run (the previous module's exit). */
const SETTLE_MS = 3000;

/** Writes a file's pages to disk now, so that their write-back does not fall into a timed run. */
function flush(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

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
    flush(big);
    flush(half);
    await sleep(SETTLE_MS);
    const compare = keys.includes('analyze_vs_tshark');
    const ourRuns: CommandRun[] = [];
    const theirRuns: CommandRun[] = [];
    for (let i = 0; i < (compare ? RUNS : 1); i++) {
      const run = await analyze(big);
      check('analyze', run, PACKETS);
      ourRuns.push(run);
      if (!compare) break;
      const theirs = await tshark(big);
      check('tshark', theirs, PACKETS);
      theirRuns.push(theirs);
    }
    const out: BenchRow[] = [];
    const file = `${PACKETS.toLocaleString('en-US')} packets, ${(size / MB).toFixed(0)} MB`;
    if (compare) {
      const seconds = (runs: CommandRun[]) => runs.map((r) => r.seconds);
      const median = (runs: CommandRun[]) => percentile(seconds(runs), 50);
      const list = (runs: CommandRun[]) =>
        seconds(runs)
          .map((s) => s.toFixed(2))
          .join(', ');
      out.push({
        key: 'analyze_vs_tshark',
        figure: Number((median(theirRuns) / median(ourRuns)).toFixed(2)),
        unit: 'x',
        target: 3,
        kind: 'atLeast',
        reference: `${file}, median of ${RUNS} runs in turn: analyze ${median(ourRuns).toFixed(2)} s (${list(ourRuns)}), tshark ${median(theirRuns).toFixed(2)} s (${list(theirRuns)})`,
      });
    }
    if (keys.includes('analyze_peak_mb')) {
      const halfRun = await analyze(half);
      check('analyze (half file)', halfRun, PACKETS / 2);
      out.push({
        key: 'analyze_peak_mb',
        figure: Math.round(Math.max(...ourRuns.map((r) => r.peakRss)) / MB),
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
