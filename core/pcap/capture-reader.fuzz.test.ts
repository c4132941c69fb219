import { describe, it, expect } from 'vitest';
import { CaptureReader } from './capture-reader.ts';
import { CaptureFormatError } from './capture-format-error.ts';
import { writePcapng } from './pcapng-writer.ts';
import { hex } from './testdata/hex.ts';
import * as pcap from './testdata/pcap-fixtures.ts';
import { pcapngTwoSections } from './testdata/pcapng-fixtures.ts';
import { mulberry32 } from '../random/mulberry32.ts';

const seeds: Uint8Array[] = [
  ...Object.values(pcap),
  pcapngTwoSections,
  writePcapng(
    [
      {
        linkType: 1,
        time: 1700000000000000,
        data: hex('00112233445566778899aabbccddeeff'),
        comment: 'c',
      },
      { linkType: 113, time: 1700000000000001, data: hex('0102'), origlen: 99 },
    ],
    { comment: 'seed' },
  ),
];

const LENGTHS = [
  0, 1, 3, 4, 8, 12, 16, 20, 0x7f, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x10000000, 0x01000001,
];

/** Offsets of 4-aligned words holding a value below 65536 read either way. */
function smallWords(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const offsets = [];
  for (let at = 0; at + 4 <= bytes.length; at += 4) {
    const le = view.getUint32(at, true);
    const be = view.getUint32(at, false);
    if ((le > 0 && le < 65536) || (be > 0 && be < 65536)) offsets.push(at);
  }
  return offsets;
}

function mutate(input: Uint8Array, random: () => number): Uint8Array {
  let bytes: Uint8Array = input.slice();
  const pick = (n: number) => Math.floor(random() * n);
  const count = 1 + pick(4);
  for (let i = 0; i < count && bytes.length > 0; i++) {
    const at = pick(bytes.length);
    switch (pick(5)) {
      case 0:
        bytes[at] = (bytes[at] ?? 0) ^ (1 << pick(8));
        break;
      case 1:
        bytes[at] = [0x00, 0xff, 0x7f][pick(3)] ?? 0;
        break;
      case 2:
        bytes = bytes.slice(0, pick(bytes.length + 1));
        break;
      case 3: {
        const from = pick(bytes.length);
        const range = bytes.slice(from, from + 1 + pick(64));
        const copy = new Uint8Array(bytes.length + range.length);
        copy.set(bytes.subarray(0, at));
        copy.set(range, at);
        copy.set(bytes.subarray(at), at + range.length);
        bytes = copy;
        break;
      }
      default: {
        // Aim at words that look like lengths, counts or ids: small values in either byte order.
        const fields = smallWords(bytes);
        const field = fields[pick(fields.length)];
        if (field === undefined) break;
        const value = random() < 0.8 ? (LENGTHS[pick(LENGTHS.length)] ?? 0) : pick(2 ** 32);
        new DataView(bytes.buffer, bytes.byteOffset).setUint32(field, value, random() < 0.5);
      }
    }
  }
  return bytes;
}

/** Feeds the bytes in random chunks; returns the frames, or the CaptureFormatError if one was thrown. */
function feed(bytes: Uint8Array, random: () => number) {
  const reader = new CaptureReader();
  const frames = [];
  let failed = false;
  try {
    let at = 0;
    while (at < bytes.length) {
      const size = random() < 0.1 ? bytes.length : 1 + Math.floor(random() * 64);
      frames.push(...reader.push(bytes.subarray(at, at + size)));
      at += size;
    }
    frames.push(...reader.end());
  } catch (error) {
    if (!(error instanceof CaptureFormatError)) throw error;
    frames.push(...error.frames);
    failed = true;
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(bytes.length);
  }
  expect(reader.offset).toBeLessThanOrEqual(bytes.length);
  return { frames, failed };
}

describe('CaptureReader under mutated input', () => {
  // A pathological (e.g. quadratic) input shows as this test's timeout; speed is the benchmarks'.
  it('only ever returns frames or throws CaptureFormatError, with bounded frame bytes', () => {
    let framesSeen = 0;
    let errorsSeen = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const random = mulberry32(seed);
      const input = mutate(seeds[seed % seeds.length]!, random);
      let frames, failed;
      try {
        ({ frames, failed } = feed(input, random));
      } catch (error) {
        throw new Error(`seed ${seed}: ${String(error)}`, { cause: error });
      }
      const total = frames.reduce((n, f) => n + f.data.length, 0);
      expect(total, `seed ${seed}`).toBeLessThanOrEqual(input.length);
      for (const f of frames) {
        expect(f.caplen, `seed ${seed}`).toBe(f.data.length);
        expect(Number.isInteger(f.time), `seed ${seed}`).toBe(true);
      }
      framesSeen += frames.length;
      if (failed) errorsSeen++;
    }
    // The mutations must exercise both outcomes, or the test proves little.
    expect(framesSeen).toBeGreaterThan(1000);
    expect(errorsSeen).toBeGreaterThan(1000);
  }, 60_000);
});
