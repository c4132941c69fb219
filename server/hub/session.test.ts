import { describe, expect, it } from 'vitest';
import { Session } from './session.ts';
import type { SocketStep } from '../../core/protocol.ts';

function stepRec(bytes: number): Omit<SocketStep, never> {
  return {
    type: 'step',
    kind: 'write',
    time: 1_700_000_000_000_000 + bytes,
    side: 'client',
    transport: 'tcp',
    local: { address: '127.0.0.1', port: 1 },
    remote: { address: '127.0.0.1', port: 2 },
    conv: 'c',
    bytes,
  };
}

describe('Session', () => {
  it('numbers records from 1 with no gaps and returns those after a given record number', () => {
    const s = new Session('live', 'live', 'Live', 0, 100);
    for (let i = 0; i < 5; i++) s.append(stepRec(i));
    expect(s.since(0).records.map((r) => r.recNo)).toEqual([1, 2, 3, 4, 5]);
    expect(s.since(3)).toEqual({
      records: [expect.objectContaining({ recNo: 4 }), expect.objectContaining({ recNo: 5 })],
      gap: false,
    });
    expect(s.since(5).records).toEqual([]);
    expect(s.info()).toMatchObject({ lastRecNo: 5, firstRecNo: 1 });
  });

  it.each([
    { name: 'small ring', max: 3, appended: 10, expectRecNos: [8, 9, 10] },
    { name: 'ring grows past its first size', max: 3000, appended: 2500, expectRecNos: null },
    { name: 'ring wraps after growing', max: 2000, appended: 5000, expectRecNos: null },
  ])('keeps at most maxRecords ($name)', ({ max, appended, expectRecNos }) => {
    const s = new Session('x', 'live', 'x', 0, max);
    for (let i = 0; i < appended; i++) s.append(stepRec(i));
    const { records, gap } = s.since(0);
    const held = Math.min(max, appended);
    expect(records).toHaveLength(held);
    expect(records[0]!.recNo).toBe(appended - held + 1);
    expect(records.at(-1)!.recNo).toBe(appended);
    expect(records.every((r, i) => r.recNo === appended - held + 1 + i)).toBe(true);
    expect(gap).toBe(appended > max);
    if (expectRecNos) expect(records.map((r) => r.recNo)).toEqual(expectRecNos);
  });

  it('tells listeners about each record in order', () => {
    const s = new Session('x', 'live', 'x', 0, 10);
    const seen: number[] = [];
    const off = s.onRecord((r) => seen.push(r.recNo));
    s.append(stepRec(1));
    s.append(stepRec(2));
    off();
    s.append(stepRec(3));
    expect(seen).toEqual([1, 2]);
  });

  it('gives a range by record number, of one conversation, and says where to go on', () => {
    const s = new Session('x', 'live', 'x', 0, 10);
    for (let i = 0; i < 20; i++) s.append({ ...stepRec(i), conv: i % 2 ? 'odd' : 'even' });
    // Records 1…10 were dropped: a range starts at the oldest held.
    expect(s.range(1, 14, undefined, 100, 100).records.map((r) => r.recNo)).toEqual([
      11, 12, 13, 14,
    ]);
    expect(s.range(11, 20, 'odd', 100, 100).records.map((r) => r.recNo)).toEqual([
      12, 14, 16, 18, 20,
    ]);
    expect(s.range(11, 20, 'odd', 2, 100)).toMatchObject({ next: 15 });
    expect(s.range(11, 20, 'odd', 100, 3)).toMatchObject({ next: 14 });
    expect(s.range(11, 20, 'odd', 100, 3).records.map((r) => r.recNo)).toEqual([12]);
  });
});
