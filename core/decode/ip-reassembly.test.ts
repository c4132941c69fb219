import { describe, expect, it } from 'vitest';
import { IpReassembler, type Fragment, type ReassemblyStats } from './ip-reassembly.ts';

/** A fragment of datagram `key` whose bytes are all `fill`. */
const frag = (
  offset: number,
  length: number,
  more: boolean,
  opts: { fill?: number; version?: 4 | 6; key?: string; time?: number } = {},
): Fragment => ({
  key: opts.key ?? 'a',
  version: opts.version ?? 4,
  offset,
  more,
  data: new Uint8Array(length).fill(opts.fill ?? 1),
  time: opts.time ?? 0,
});

/** Nothing counted yet. */
const NONE: ReassemblyStats = { ...new IpReassembler().stats };

interface Case {
  name: string;
  version?: 4 | 6;
  fragments: [offset: number, length: number, more: boolean, fill?: number][];
  /** Which fragment (index) completes the datagram, or -1. */
  completesAt: number;
  /** The whole datagram's bytes, when it completes. */
  bytes?: number[];
  stats: Partial<ReassemblyStats>;
}

const CASES: Case[] = [
  {
    name: 'in order',
    fragments: [
      [0, 8, true, 1],
      [8, 8, true, 2],
      [16, 3, false, 3],
    ],
    completesAt: 2,
    bytes: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3],
    stats: { reassembled: 1 },
  },
  {
    name: 'last fragment first, then the rest backwards',
    fragments: [
      [16, 2, false, 3],
      [8, 8, true, 2],
      [0, 8, true, 1],
    ],
    completesAt: 2,
    bytes: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3],
    stats: { reassembled: 1 },
  },
  {
    name: 'a fragment missing: never complete',
    fragments: [
      [0, 8, true],
      [16, 8, false],
    ],
    completesAt: -1,
    stats: {},
  },
  {
    name: 'exact duplicate dropped (RFC 5722 §4)',
    fragments: [
      [0, 8, true, 1],
      [0, 8, true, 1],
      [8, 8, false, 2],
    ],
    completesAt: 2,
    bytes: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2],
    stats: { reassembled: 1, duplicates: 1 },
  },
  {
    name: 'IPv4 overlap: the later data is written over the earlier (RFC 791)',
    fragments: [
      [0, 16, true, 1],
      [8, 16, false, 2],
    ],
    completesAt: 1,
    bytes: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    stats: { reassembled: 1, overlapping: 1 },
  },
  {
    name: 'IPv6 overlap: the whole datagram is discarded, later fragments too (RFC 5722)',
    version: 6,
    fragments: [
      [0, 16, true, 1],
      [8, 16, true, 2],
      [16, 8, false, 3],
    ],
    completesAt: -1,
    stats: { overlapping: 1 },
  },
  {
    name: 'beyond 65,535 bytes: discarded',
    fragments: [
      [0, 8, true],
      [65_528, 16, false],
    ],
    completesAt: -1,
    stats: { oversized: 1 },
  },
  {
    name: 'data past the last fragment: discarded',
    fragments: [
      [16, 8, true],
      [0, 8, false],
    ],
    completesAt: -1,
    stats: { oversized: 1 },
  },
  {
    name: 'two last fragments that disagree: discarded',
    fragments: [
      [8, 8, false],
      [8, 16, false],
      [0, 8, true],
    ],
    completesAt: -1,
    stats: { oversized: 1 },
  },
];

describe('IpReassembler', () => {
  it.each(CASES)('$name', ({ version, fragments, completesAt, bytes, stats }) => {
    const r = new IpReassembler();
    fragments.forEach(([offset, length, more, fill], i) => {
      const got = r.add(frag(offset, length, more, { fill, version }));
      if (i === completesAt) {
        expect(got, `fragment ${i} completes it`).toBeDefined();
        expect([...got!.data]).toEqual(bytes);
      } else expect(got, `fragment ${i}`).toBeUndefined();
    });
    expect(r.stats).toEqual({ ...NONE, ...stats });
  });

  it('keeps datagrams apart by key', () => {
    const r = new IpReassembler();
    expect(r.add(frag(0, 8, true, { key: 'x' }))).toBeUndefined();
    expect(r.add(frag(8, 8, false, { key: 'y' }))).toBeUndefined();
    expect(r.add(frag(8, 8, false, { key: 'x' }))?.fragments).toBe(2);
    expect(r.held.datagrams).toBe(1);
  });

  it('gives a datagram up once its first fragment is older than the timeout', () => {
    const r = new IpReassembler({ timeoutUs: 1000 });
    r.add(frag(0, 8, true, { time: 0 }));
    r.add(frag(0, 8, true, { key: 'b', time: 900 }));
    // 1,001 µs after the first: only 'a' has timed out; its last fragment starts a new one
    expect(r.add(frag(8, 8, false, { time: 1001 }))).toBeUndefined();
    expect(r.stats.expired).toBe(1);
    expect(r.add(frag(8, 8, false, { key: 'b', time: 1002 }))?.fragments).toBe(2);
  });

  it('holds at most maxDatagrams, dropping the oldest', () => {
    const r = new IpReassembler({ maxDatagrams: 3 });
    for (let i = 0; i < 10; i++) r.add(frag(0, 8, true, { key: `k${i}` }));
    expect(r.held.datagrams).toBe(3);
    expect(r.stats.evicted).toBe(7);
    expect(r.add(frag(8, 8, false, { key: 'k9' }))?.fragments).toBe(2);
    expect(r.add(frag(8, 8, false, { key: 'k0' }))).toBeUndefined();
  });

  it('holds at most maxBytes, dropping the oldest', () => {
    const r = new IpReassembler({ maxBytes: 100 });
    for (let i = 0; i < 10; i++) r.add(frag(0, 40, true, { key: `k${i}` }));
    expect(r.held.bytes).toBeLessThanOrEqual(100);
    expect(r.stats.evicted).toBe(8);
  });

  it('returns to holding nothing once every datagram is complete', () => {
    const r = new IpReassembler();
    for (let i = 0; i < 1000; i++) {
      r.add(frag(8, 8, false, { key: `k${i}` }));
      expect(r.add(frag(0, 8, true, { key: `k${i}` }))).toBeDefined();
    }
    expect(r.held).toEqual({ datagrams: 0, bytes: 0 });
    expect(r.stats.reassembled).toBe(1000);
  });
});
