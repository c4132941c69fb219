/**
 * `npm run bench:decode [-- --packets N] [--keep]`: writes a synthetic N-packet pcap (and one a
 * quarter of its size, to show memory does not grow with the file), then measures Packet Ladder's
 * ingest chain (each run in a fresh process) and tshark on it and prints a table. "held heap" is
 * what stays in use after a full GC with the analysis alive (peaks also count garbage not yet
 * collected). Never fails on time; exit 1 only on a crash.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDecodeBenchArgs } from './decode-args.ts';
import { generatePcap } from './decode-generate.ts';
import { measureOursApart, measureTshark, type OurRun } from './decode-measure.ts';

const TARGET = 3;

let args;
try {
  args = parseDecodeBenchArgs(process.argv.slice(2));
} catch (e) {
  console.error(`bench:decode: ${(e as Error).message}`);
  process.exit(2);
}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
const ourRow = (name: string, r: OurRun) => [
  name,
  r.packets.toLocaleString('en-US'),
  r.seconds.toFixed(2),
  rate(r.packets, r.seconds),
  mib(r.peakRss),
  mib(r.peakHeap),
  mib(r.heldHeap),
];
const rate = (packets: number, seconds: number) =>
  `${Math.round(packets / seconds).toLocaleString('en-US')} pkt/s`;

const dir = mkdtempSync(join(tmpdir(), 'pl-bench-decode-'));
try {
  const big = join(dir, `capture-${args.packets}.pcap`);
  const smallCount = Math.floor(args.packets / 4);
  const small = join(dir, `capture-${smallCount}.pcap`);
  const t = performance.now();
  const bigSize = generatePcap(big, args.packets, 1);
  generatePcap(small, smallCount, 2);
  console.log(
    `generated ${args.packets.toLocaleString('en-US')} packets (${mib(bigSize)}) and ${smallCount.toLocaleString('en-US')} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const oursSmall = measureOursApart(small);
  const ours = measureOursApart(big);
  const tshark = measureTshark(big);

  const rows: string[][] = [
    ['run', 'packets', 'seconds', 'rate', 'peak RSS', 'peak heap', 'held heap'],
    ourRow('ours', ours),
    ourRow('ours (¼ file)', oursSmall),
    [
      'tshark',
      tshark.ok ? args.packets.toLocaleString('en-US') : '-',
      tshark.seconds.toFixed(2),
      tshark.ok ? rate(args.packets, tshark.seconds) : `failed: ${tshark.error}`,
      '',
      '',
      '',
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  if (tshark.ok) {
    const ratio = ours.packets / ours.seconds / (args.packets / tshark.seconds);
    console.log(
      `ours / tshark: ${ratio.toFixed(2)}x (target >= ${TARGET}x: ${ratio >= TARGET ? 'met' : 'not met'})`,
    );
  }
  if (ours.packets !== args.packets)
    console.log(`note: read ${ours.packets} packets of ${args.packets}`);
  if (args.keep) console.log(`kept: ${big}\n      ${small}`);
} catch (e) {
  console.error(`bench:decode crashed: ${(e as Error).stack}`);
  process.exitCode = 1;
} finally {
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
}
