/**
 * Seeded mutation test of the whole ingest chain (reader, decoders, TCP/UDP analysis, the analyze
 * JSON): mutated real captures fed in random chunk sizes give packets or a CaptureFormatError,
 * never another exception, never a NaN. The reader alone has its own fuzz test in core/pcap.
 */
import { describe, it, expect } from 'vitest';
import { createCaptureIngest } from './capture-ingest.ts';
import { CaptureFormatError, writePcapng } from '../pcap/index.ts';
import { packetJson } from '../report/packet-json.ts';
import { packetJsonLine } from '../report/packet-json-line.ts';
import { FRAMES } from '../decode/testdata/frames.ts';
import { hex } from '../decode/testdata/hex.ts';
import type { PacketRecord } from '../records.ts';
import {
  LOOPBACK_TCP_ECHO,
  LOOPBACK_TCP_ECHO_IPV6,
  LOOPBACK_UDP_CLOSED_PORT,
} from './testdata/loopback-captures.ts';
import { mulberry32 } from '../random/mulberry32.ts';

const CASES = 3000;
const FIRST_SEED = 0x5eed;

/** Every decoder fixture frame in one pcapng (one interface per link type). */
const fixtureFrames = writePcapng(
  FRAMES.map((f, i) => ({
    linkType: f.linkType,
    time: 1_700_000_000_000_000 + i,
    data: hex(f.frame),
  })),
);

const SEEDS: Uint8Array[] = [
  LOOPBACK_TCP_ECHO,
  LOOPBACK_TCP_ECHO_IPV6,
  LOOPBACK_UDP_CLOSED_PORT,
  fixtureFrames,
];

/** Values that break length fields: zero, tiny, header-sized, 16-bit and 32-bit edges. */
const LENGTHS = [
  0, 1, 4, 5, 8, 14, 15, 20, 40, 60, 0x7f, 0xff, 0x100, 0xffff, 0x10000, 0x7fffffff, 0xffffffff,
];

function mutate(input: Uint8Array, random: () => number): Uint8Array {
  let bytes: Uint8Array = input.slice();
  const pick = (n: number): number => Math.floor(random() * n);
  const rounds = 1 + pick(4);
  for (let r = 0; r < rounds && bytes.length > 0; r++) {
    const at = pick(bytes.length);
    switch (pick(6)) {
      case 0: // bit flip
        bytes[at]! ^= 1 << pick(8);
        break;
      case 1: // byte overwrite
        bytes[at] = pick(256);
        break;
      case 2: {
        // a length-like field, 16 or 32 bits, either byte order
        const value = LENGTHS[pick(LENGTHS.length)]!;
        const size = random() < 0.5 ? 2 : 4;
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
        if (at + size > bytes.length) break;
        if (size === 2) view.setUint16(at, value & 0xffff, random() < 0.5);
        else view.setUint32(at, value >>> 0, random() < 0.5);
        break;
      }
      case 3: // truncation
        bytes = bytes.slice(0, at);
        break;
      case 4: {
        // duplicate a range in place: repeated records, retransmission-like segments
        const end = Math.min(bytes.length, at + 1 + pick(200));
        const insertAt = pick(bytes.length + 1);
        const range = bytes.slice(at, end);
        bytes = concat(bytes.subarray(0, insertAt), range, bytes.subarray(insertAt));
        break;
      }
      default: {
        // splice: a piece of another seed into this one
        const other = SEEDS[pick(SEEDS.length)]!;
        const from = pick(other.length);
        const piece = other.subarray(from, Math.min(other.length, from + 1 + pick(400)));
        bytes = concat(bytes.subarray(0, at), piece, bytes.subarray(at + pick(64)));
      }
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Paths of numbers anywhere in `value` that are NaN or infinite. */
function badNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}=${value}`];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => badNumbers(v, `${path}.${k}`));
}

interface Outcome {
  packets: number;
  formatError: boolean;
}

/** Feeds `bytes` in random chunk sizes; checks every packet; rethrows anything unexpected. */
function ingest(bytes: Uint8Array, random: () => number): Outcome {
  const it = createCaptureIngest({ serverPorts: random() < 0.5 ? [44565] : [] });
  const records: PacketRecord[] = [];
  let formatError = false;
  try {
    for (let at = 0; at < bytes.length;) {
      const size = random() < 0.3 ? 1 + Math.floor(random() * 16) : 1 + Math.floor(random() * 2048);
      for (const p of it.push(bytes.subarray(at, at + size))) records.push(p.record);
      at += size;
    }
    for (const p of it.end()) records.push(p.record);
  } catch (e) {
    if (!(e instanceof CaptureFormatError)) throw e;
    formatError = true;
  }
  const first = records[0]?.time ?? 0;
  for (const r of records) {
    const json = packetJson(r, first);
    const bad = [...badNumbers(r), ...badNumbers(json)];
    if (bad.length) throw new Error(`packet ${r.no}: ${bad.join(', ')}`);
    const line = packetJsonLine(r, first);
    if (line !== JSON.stringify(json))
      throw new Error(`packet ${r.no}: line ${line} is not ${JSON.stringify(json)}`);
  }
  const bad = badNumbers(it.analyzer.conversations());
  if (bad.length) throw new Error(`conversations: ${bad.join(', ')}`);
  return { packets: records.length, formatError };
}

describe('capture ingest under mutated captures', () => {
  it('unmutated seeds ingest cleanly', () => {
    for (const seed of SEEDS) {
      const out = ingest(seed, mulberry32(1));
      expect(out).toMatchObject({ formatError: false });
      expect(out.packets).toBeGreaterThan(1);
    }
  });

  it(`${CASES} mutated captures give packets or CaptureFormatError, no NaN`, () => {
    let withPackets = 0;
    let formatErrors = 0;
    for (let i = 0; i < CASES; i++) {
      const seed = FIRST_SEED + i;
      const random = mulberry32(seed);
      const input = mutate(SEEDS[Math.floor(random() * SEEDS.length)]!, random);
      let out: Outcome;
      try {
        out = ingest(input, random);
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).stack}`, { cause: e });
      }
      if (out.packets > 0) withPackets++;
      if (out.formatError) formatErrors++;
    }
    // both outcomes must really occur, or the mutations miss the point
    expect(withPackets).toBeGreaterThan(CASES / 4);
    expect(formatErrors).toBeGreaterThan(CASES / 20);
    // A pathological (e.g. quadratic) input shows as this test's timeout; speed is the benchmarks'.
  }, 120_000);
});
