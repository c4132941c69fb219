import { describe, expect, it } from 'vitest';
import { ConversationIndex } from './conversation-index.ts';
import { CONV, recNos, step } from './testdata/records.ts';

const OTHER = 'udp 127.0.0.1:1 > 127.0.0.1:2';

describe('ConversationIndex', () => {
  it('keeps each conversation in time order, a late record slotted in from the end', () => {
    const ix = new ConversationIndex();
    ix.add(step(1));
    ix.add(step(2, { conv: OTHER }));
    ix.add(step(3, { time: 1_000_000 + 1500 })); // between 1 and 2 in time
    ix.add(step(4, { conv: undefined }));
    expect(recNos(ix.records(CONV, 1))).toEqual([1, 3]);
    expect(recNos(ix.records(OTHER, 1))).toEqual([2]);
    expect(ix.size).toBe(2);
  });

  it('hands out the same frozen array until the conversation changes', () => {
    const ix = new ConversationIndex();
    ix.add(step(1));
    const a = ix.records(CONV, 1);
    expect(Object.isFrozen(a)).toBe(true);
    ix.add(step(2, { conv: OTHER }));
    expect(ix.records(CONV, 1)).toBe(a);
    ix.add(step(3));
    expect(ix.records(CONV, 1)).not.toBe(a);
  });

  it('drops records oldest first and forgets a conversation with none left', () => {
    const ix = new ConversationIndex();
    const records = Array.from({ length: 100 }, (_, i) => step(i + 1));
    for (const r of records) ix.add(r);
    ix.add(step(101, { conv: OTHER }));
    for (let i = 0; i < 60; i++) ix.drop(records[i]!, i + 2);
    expect(recNos(ix.records(CONV, 61))).toEqual(records.slice(60).map((r) => r.recNo));
    for (let i = 60; i < 100; i++) ix.drop(records[i]!, i + 2);
    expect(ix.records(CONV, 101)).toEqual([]);
    expect(ix.size).toBe(1);
  });

  it('visits O(1) records per add and, amortised, per drop', () => {
    const ix = new ConversationIndex();
    const records = Array.from({ length: 10_000 }, (_, i) => step(i + 1));
    for (const r of records) ix.add(r);
    const added = ix.visited;
    expect(added).toBe(10_000);
    for (let i = 0; i < 9_000; i++) ix.drop(records[i]!, i + 2);
    // Each drop, plus the compactions it paid for: under 3 visits a record.
    expect(ix.visited - added).toBeLessThan(3 * 9_000);
  });

  it('replaces a corrected record in place', () => {
    const ix = new ConversationIndex();
    const was = step(1);
    ix.add(was);
    ix.add(step(2));
    ix.replace(was, step(1, { bytes: 9 }));
    expect(ix.records(CONV, 1)[0]).toMatchObject({ recNo: 1, bytes: 9 });
  });
});
