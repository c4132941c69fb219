import { describe, expect, it } from 'vitest';
import { RecordChunks } from './record-chunks.ts';
import { recNos, step } from './testdata/records.ts';

/** Chunks holding records first…last (pushed in order). */
function holding(first: number, last: number): RecordChunks {
  const c = new RecordChunks();
  for (let n = first; n <= last; n++) c.push(step(n));
  return c;
}

describe('RecordChunks', () => {
  it('reads records by index across chunk edges, undefined outside', () => {
    const c = holding(1, 10_000); // 4,096 a chunk: three chunks
    expect(c.length).toBe(10_000);
    expect(c.at(0)?.recNo).toBe(1);
    expect(c.at(4095)?.recNo).toBe(4096);
    expect(c.at(4096)?.recNo).toBe(4097);
    expect(c.at(9999)?.recNo).toBe(10_000);
    expect(c.at(-1)).toBeUndefined();
    expect(c.at(10_000)).toBeUndefined();
  });

  it('shifts the oldest out, indexes staying relative to the oldest held', () => {
    const c = holding(1, 5000);
    const out = Array.from({ length: 4097 }, () => c.shift()?.recNo);
    expect(out).toEqual(Array.from({ length: 4097 }, (_, i) => i + 1));
    expect(c.length).toBe(903);
    expect(c.at(0)?.recNo).toBe(4098);
    expect(c.at(902)?.recNo).toBe(5000);
    c.push(step(5001));
    expect(c.at(903)?.recNo).toBe(5001);
  });

  it('empties by shifting and starts again cleanly', () => {
    const c = holding(1, 3);
    c.shift();
    c.shift();
    c.shift();
    expect(c.length).toBe(0);
    expect(c.shift()).toBeUndefined();
    c.push(step(4));
    expect(recNos(c.slice())).toEqual([4]);
  });

  it('slices a clamped range into a new array', () => {
    const c = holding(1, 10);
    c.shift();
    expect(recNos(c.slice(2, 5))).toEqual([4, 5, 6]);
    expect(recNos(c.slice(-3, 2))).toEqual([2, 3]);
    expect(recNos(c.slice(7, 99))).toEqual([9, 10]);
    expect(c.slice(5, 2)).toEqual([]);
  });

  it('replaces a record in place and clears everything', () => {
    const c = holding(1, 5000);
    c.set(4500, step(4501, { bytes: 7 }));
    expect(c.at(4500)).toMatchObject({ recNo: 4501, bytes: 7 });
    c.clear();
    expect(c.length).toBe(0);
    expect(c.at(0)).toBeUndefined();
  });
});
