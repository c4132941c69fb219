/**
 * `npm run bench:corpus -- DIR [--list N] [--cache DIR2]`: how often `packet-ladder analyze` agrees with tshark
 * (the reference decoder, IP reassembly on as by default) on the plain TCP and UDP packets of every
 * capture file under DIR, and which packets disagree, field by field.
 *
 * A packet counts when tshark decodes it as TCP or UDP carried by exactly one IP header (no
 * tunnels, no ICMP quoting). It agrees when every compared field (addresses, ports, stream, Seq,
 * Ack, Len, Win, flags, NextSeq, tcp.analysis flags) is the same on our side, frame by frame.
 * `--cache DIR2` keeps tshark's reading of each file there (keyed by path, size and mtime), so a
 * second run only re-reads our side. Exit 2 on bad arguments; never fails on the figure.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createCaptureIngest, type IngestedPacket } from '../core/ingest/capture-ingest.ts';
import { CaptureFormatError } from '../core/pcap/index.ts';
import { packetJson } from '../core/report/packet-json.ts';
import { ourViews } from '../server/reference/our-view.ts';
import type { PacketView } from '../server/reference/packet-view.ts';
import { tsharkFrames, type TsharkFrame } from '../server/reference/tshark-view.ts';
import { findCaptureFiles } from './fuzz-walk.ts';

const TARGET = 99.5;
const CHUNK = 64 * 1024;
/** Bumped whenever tshark-view.ts changes what it reads from tshark, so cached views are redone. */
const VIEW_VERSION = 2;

/** Whether tshark's protocol stack is TCP or UDP over one IP header, the packet's own. */
export function isPlainTransport(protocols: string): boolean {
  const layers = protocols.split(':');
  const t = layers.findIndex((l) => l === 'tcp' || l === 'udp');
  if (t < 0) return false;
  const below = layers.slice(0, t);
  return below.filter((l) => l === 'ip' || l === 'ipv6').length === 1 && !below.includes('icmp');
}

/** Our records for a file read as `analyze` reads it, in chunks; a damaged file keeps what came before. */
function ours(file: string): PacketView[] {
  const ingest = createCaptureIngest();
  const bytes = readFileSync(file);
  const got: IngestedPacket[] = [];
  try {
    for (let o = 0; o < bytes.length; o += CHUNK)
      got.push(...ingest.push(bytes.subarray(o, o + CHUNK)));
    got.push(...ingest.end());
  } catch (e) {
    if (!(e instanceof CaptureFormatError)) throw e;
  }
  const records = got.map((x) => x.record);
  for (const { corrections } of got)
    for (const c of corrections ?? []) records[c.packet - 1]!.analysis = c.analysis;
  const first = records[0]?.time ?? 0;
  return ourViews(records.map((r) => packetJson(r, first)));
}

/**
 * Why a counted packet disagrees, in buckets that point at one fix: no IP header reached under
 * tshark's stack (a link type or encapsulation we do not decode), only tcp.analysis flags, or
 * the set of fields that differ.
 */
export function disagreementCause(
  protocols: string,
  ours: PacketView | undefined,
  diff: string[],
): string {
  if (!ours) return 'no record';
  if (ours.src === undefined) {
    const layers = protocols.split(':');
    const ip = layers.findIndex((l) => l === 'ip' || l === 'ipv6');
    return `IP not reached under ${layers.slice(0, ip).join(':')}`;
  }
  if (diff.length === 1 && diff[0] === 'analysis') return 'tcp analysis flags only';
  return `fields ${[...diff].sort().join(',')}`;
}

/** tshark's frames for `file`, from `cache` when it holds this version of the file. */
function theirs(file: string, cache: string | undefined): TsharkFrame[] {
  if (!cache) return tsharkFrames(file, true);
  const st = statSync(file);
  const key = createHash('sha256')
    .update(`${VIEW_VERSION}\0${resolve(file)}\0${st.size}\0${st.mtimeMs}`)
    .digest('hex');
  const at = join(cache, `${key}.json`);
  try {
    return JSON.parse(readFileSync(at, 'utf8')) as TsharkFrame[];
  } catch {
    const frames = tsharkFrames(file, true);
    writeFileSync(at, JSON.stringify(frames));
    return frames;
  }
}

/** The fields that differ between two views. */
function differing(a: PacketView | undefined, b: PacketView): string[] {
  if (!a) return ['(missing)'];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter(
    (k) => !isDeepStrictEqual(a[k as keyof PacketView], b[k as keyof PacketView]),
  );
}

function main(): void {
  const argv = process.argv.slice(2);
  const dir = argv[0];
  const listAt = argv.indexOf('--list');
  const listMax = listAt >= 0 ? Number(argv[listAt + 1]) : 40;
  const cacheAt = argv.indexOf('--cache');
  const cache = cacheAt >= 0 ? argv[cacheAt + 1] : undefined;
  if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory() || !(listMax >= 0)) {
    console.error(
      'usage: npm run bench:corpus -- DIR [--list N] [--cache DIR2]  (DIR holds capture files)',
    );
    process.exit(2);
  }
  if (cacheAt >= 0 && !cache) {
    console.error('--cache needs a directory');
    process.exit(2);
  }
  if (cache) mkdirSync(cache, { recursive: true });
  let compared = 0;
  let agreed = 0;
  let unreadable = 0;
  const byField = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byCause = new Map<string, number>();
  const lines: string[] = [];
  for (const file of findCaptureFiles(dir)) {
    const name = relative(dir, file);
    let frames;
    try {
      frames = theirs(file, cache);
    } catch {
      unreadable++;
      continue;
    }
    const mine = ours(file);
    for (const t of frames) {
      if (!isPlainTransport(t.protocols)) continue;
      compared++;
      const o = mine[t.view.no - 1];
      const diff = differing(o, t.view);
      if (diff.length === 0) {
        agreed++;
        continue;
      }
      for (const f of diff) byField.set(f, (byField.get(f) ?? 0) + 1);
      const cause = disagreementCause(t.protocols, o, diff);
      byCause.set(cause, (byCause.get(cause) ?? 0) + 1);
      byFile.set(name, (byFile.get(name) ?? 0) + 1);
      if (lines.length < listMax) {
        const show = (v: PacketView | undefined) =>
          v
            ? JSON.stringify(Object.fromEntries(diff.map((k) => [k, v[k as keyof PacketView]])))
            : '-';
        lines.push(`${name} #${t.view.no} ${t.protocols}: ours ${show(o)} tshark ${show(t.view)}`);
      }
    }
  }
  const pct = compared === 0 ? 0 : (100 * agreed) / compared;
  console.log(`disagreements (first ${lines.length}):`);
  for (const l of lines) console.log(`  ${l}`);
  console.log('by cause:');
  for (const [c, n] of [...byCause].sort((a, b) => b[1] - a[1])) console.log(`  ${c}: ${n}`);
  console.log('by field:');
  for (const [f, n] of [...byField].sort((a, b) => b[1] - a[1])) console.log(`  ${f}: ${n}`);
  console.log('by file:');
  for (const [f, n] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${f}: ${n}`);
  if (unreadable) console.log(`${unreadable} files tshark could not read were left out`);
  console.log(
    `agreement: ${agreed} of ${compared} plain TCP/UDP packets (${pct.toFixed(2)} %), target ≥ ${TARGET} %`,
  );
}

main();
