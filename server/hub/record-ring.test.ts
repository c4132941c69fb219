import { describe, expect, it } from 'vitest';
import { RecordRing } from './record-ring.ts';
import type { SocketStep } from '../../core/protocol.ts';

function rec(recNo: number, conv = 'c'): SocketStep & { recNo: number } {
  return {
    type: 'step',
    kind: 'write',
    time: 1_700_000_000_000_000 + recNo,
    side: 'client',
    transport: 'tcp',
    local: { address: '127.0.0.1', port: 1 },
    remote: { address: '127.0.0.1', port: 2 },
    conv,
    bytes: recNo,
    recNo,
  };
}

function filled(max: number, count: number, conv?: (recNo: number) => string): RecordRing {
  const ring = new RecordRing(max);
  for (let n = 1; n <= count; n++) ring.push(rec(n, conv?.(n)));
  return ring;
}

describe('RecordRing', () => {
  it('holds records in order and returns those after a given record number', () => {
    const ring = filled(100, 5);
    expect(ring.since(0).records.map((r) => r.recNo)).toEqual([1, 2, 3, 4, 5]);
    expect(ring.since(3)).toEqual({
      records: [expect.objectContaining({ recNo: 4 }), expect.objectContaining({ recNo: 5 })],
      gap: false,
    });
    expect(ring.since(5).records).toEqual([]);
    expect(ring.since(0, 2).records.map((r) => r.recNo)).toEqual([1, 2]);
    expect([ring.first, ring.next]).toEqual([1, 6]);
  });

  it('refuses a record out of turn', () => {
    const ring = filled(10, 2);
    expect(() => ring.push(rec(4))).toThrow(/not 3/);
    expect(() => ring.restore(rec(2))).toThrow(/out of order/);
    expect(() => ring.restore(rec(4))).toThrow(/leaves a gap/);
    expect(() => ring.startAt(9)).toThrow(/empty/);
  });

  it.each([
    { name: 'small ring', max: 3, appended: 10, expectRecNos: [8, 9, 10] },
    { name: 'ring grows past its first size', max: 3000, appended: 2500, expectRecNos: null },
    { name: 'ring wraps after growing', max: 2000, appended: 5000, expectRecNos: null },
  ])('keeps at most maxRecords ($name)', ({ max, appended, expectRecNos }) => {
    const { records, gap } = filled(max, appended).since(0);
    const held = Math.min(max, appended);
    expect(records).toHaveLength(held);
    expect(records[0]!.recNo).toBe(appended - held + 1);
    expect(records.at(-1)!.recNo).toBe(appended);
    expect(records.every((r, i) => r.recNo === appended - held + 1 + i)).toBe(true);
    expect(gap).toBe(appended > max);
    if (expectRecNos) expect(records.map((r) => r.recNo)).toEqual(expectRecNos);
  });

  it('gives a range by record number, of one conversation, and says where to go on', () => {
    const ring = filled(10, 20, (n) => (n % 2 ? 'odd' : 'even'));
    // Records 1…10 were dropped: a range starts at the oldest held.
    expect(ring.range(1, 14, undefined, 100, 100).records.map((r) => r.recNo)).toEqual([
      11, 12, 13, 14,
    ]);
    expect(ring.range(11, 20, 'even', 100, 100).records.map((r) => r.recNo)).toEqual([
      12, 14, 16, 18, 20,
    ]);
    expect(ring.range(11, 20, 'even', 2, 100)).toMatchObject({ next: 15 });
    expect(ring.range(11, 20, 'even', 100, 3)).toMatchObject({ next: 14 });
    expect(ring.range(11, 20, 'even', 100, 3).records.map((r) => r.recNo)).toEqual([12]);
  });

  it('finds and replaces a record still held, and none dropped', () => {
    const ring = filled(4, 6);
    expect(ring.at(2)).toBeUndefined();
    expect(ring.at(7)).toBeUndefined();
    ring.replace({ ...rec(5), bytes: 99 });
    expect(ring.at(5)).toMatchObject({ recNo: 5, bytes: 99 });
    expect(() => ring.replace(rec(1))).toThrow(/not held/);
  });

  it('starts a copy at its own numbers and forgets what a store dropped', () => {
    const ring = new RecordRing(100);
    ring.startAt(41);
    ring.restore(rec(41));
    ring.restore(rec(42));
    ring.push(rec(43));
    ring.dropBefore(43);
    expect(ring.since(0)).toMatchObject({ gap: true });
    expect(ring.since(0).records.map((r) => r.recNo)).toEqual([43]);
    expect([ring.first, ring.next]).toEqual([43, 44]);
  });
});
