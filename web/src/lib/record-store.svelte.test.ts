import { describe, expect, it } from 'vitest';
import { SummaryTracker } from '../../../core/analysis/summary-tracker.ts';
import type { SessionRecord } from '../../../core/protocol.ts';
import { ALL, ALL_WINDOW, RecordStore } from './record-store.svelte.ts';
import { CONV, recNos, step, tcp } from './testdata/records.ts';

/** A class's traffic: exchanges of 10 records, each its own conversation, in record order. */
function exchange(first: number, n = 10): SessionRecord[] {
  const conv = `tcp 127.0.0.1:${40000 + Math.floor(first / n)} > 127.0.0.1:23400`;
  return Array.from({ length: n }, (_, i) => step(first + i, { conv }));
}

/** A store holding `held` records, summaries included, as the server sends them. */
function holding(held: number, max = 200_000) {
  const store = new RecordStore(max);
  const tracker = new SummaryTracker();
  const feed = (records: SessionRecord[]) => {
    for (const r of records) tracker.add(r);
    store.append(records);
    store.putSummaries(tracker.takeChanged());
  };
  for (let at = 1; at <= held; at += 1000) {
    const chunk: SessionRecord[] = [];
    for (let i = at; i < Math.min(at + 1000, held + 1); i += 10) chunk.push(...exchange(i));
    feed(chunk);
  }
  return { store, feed };
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** The work the store does for one batch of 50 records (5 new exchanges). */
function workOfBatch(held: number, max?: number): number {
  const { store, feed } = holding(held, max);
  const before = store.work;
  feed([0, 10, 20, 30, 40].flatMap((k) => exchange(held + 1 + k)));
  return store.work - before;
}

describe('RecordStore', () => {
  it("indexes each conversation's records in time order as they arrive", () => {
    const store = new RecordStore(100);
    const other = 'udp 127.0.0.1:1 > 127.0.0.1:2';
    store.append([step(1), step(2, { conv: other }), tcp(3, ['SYN'], { time: 1_001_500 })]);
    store.append([step(4, { time: 1_001_200 })]);
    expect(recNos(store.recordsOf(CONV))).toEqual([1, 4, 3]);
    expect(recNos(store.recordsOf(other))).toEqual([2]);
    expect(recNos(store.recordsOf(ALL))).toEqual([1, 4, 3, 2]);
    expect(store.lastRecNo).toBe(4);
  });

  it('hands out the same array for a conversation until it changes', () => {
    const store = new RecordStore(100);
    const other = 'udp 127.0.0.1:1 > 127.0.0.1:2';
    store.append([step(1), step(2, { conv: other })]);
    const mine = store.recordsOf(CONV);
    store.append([step(3, { conv: other })]);
    expect(store.recordsOf(CONV)).toBe(mine);
    store.append([step(4)]);
    expect(store.recordsOf(CONV)).not.toBe(mine);
  });

  it('drops the oldest records past its bound, from every index', () => {
    const { store } = holding(100, 35);
    expect(store.length).toBe(35);
    expect(store.firstRecNo).toBe(66);
    expect(recNos(store.recordsOf(exchange(61)[0]!.conv!))).toEqual([66, 67, 68, 69, 70]);
    expect(store.recordsOf(exchange(51)[0]!.conv!)).toEqual([]);
    // Its summary stays: the conversation is listed, and its records are missing here.
    expect(store.missing(exchange(61)[0]!.conv!)).toBe(true);
    expect(store.missing(exchange(91)[0]!.conv!)).toBe(false);
  });

  it('lists summaries newest first, replaced by conversation, and knows if any has packets', () => {
    const { store, feed } = holding(30);
    expect(store.summaryCount).toBe(3);
    expect(store.newestSummary(0)?.conv).toBe(exchange(21)[0]!.conv!);
    expect(store.newestSummary(2)?.records).toBe(10);
    expect(store.hasPackets).toBe(false);
    feed([tcp(31, ['SYN'], { conv: exchange(1)[0]!.conv! })]);
    expect(store.summaryCount).toBe(3);
    expect(store.newestSummary(2)?.records).toBe(11);
    expect(store.hasPackets).toBe(true);
  });

  it('puts records fetched back from the server before those held', () => {
    const { store } = holding(100, 35);
    const conv = exchange(61)[0]!.conv!;
    store.putFetched(conv, [...exchange(61).slice(0, 5), step(7)]);
    expect(recNos(store.recordsOf(conv))).toEqual([61, 62, 63, 64, 65, 66, 67, 68, 69, 70]);
    expect(store.missing(conv)).toBe(false);
  });

  it('shows "All records" scrolled back: held records and records fetched from the server', () => {
    const { store, feed } = holding(30_000, 15_000); // holds 15,001…30,000
    expect(store.recordsOf(ALL)).toHaveLength(ALL_WINDOW);
    expect(store.recordsOf(ALL)[0]!.recNo).toBe(20_001);
    // Back half a window: all of it still held.
    store.showAll(25_001);
    expect(recNos(store.recordsOf(ALL))).toEqual(range(15_001, 25_000));
    // Further back: the part not held comes from the server.
    const older = range(7_501, 15_000).map((n) => exchange(n, 1)[0]!);
    store.showAll(17_501, older);
    expect(recNos(store.recordsOf(ALL))).toEqual(range(7_501, 17_500));
    // New records do not move it, nor make it again.
    const shown = store.recordsOf(ALL);
    feed(exchange(30_001));
    expect(store.recordsOf(ALL)).toBe(shown);
    // Back to the newest.
    store.showAll(null);
    expect(store.allEnd).toBeNull();
    expect(store.recordsOf(ALL).at(-1)!.recNo).toBe(30_010);
  });

  it('pins "All records" at the newest records: those arriving after do not slide it', () => {
    const { store, feed } = holding(30_000, 15_000);
    const newest = store.recordsOf(ALL);
    store.showAll(30_001);
    expect(store.allEnd).toBe(30_001);
    const shown = store.recordsOf(ALL);
    expect(recNos(shown)).toEqual(range(20_001, 30_000));
    // The same records in the same array: nothing built from them is built again.
    expect(shown).toBe(newest);
    feed(exchange(30_001));
    expect(store.recordsOf(ALL)).toBe(shown);
    // Past the newest record there is nothing to pin: the newest again, sliding.
    store.showAll(30_012);
    expect(store.allEnd).toBeNull();
  });

  it('costs the same per appended batch with 1,000 or 100,000 records held', () => {
    const small = workOfBatch(1_000);
    const large = workOfBatch(100_000);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it('costs the same per appended batch at its bound, dropping as many as it adds', () => {
    const small = workOfBatch(1_000, 1_000);
    const large = workOfBatch(100_000, 100_000);
    expect(large).toBe(small);
    // 50 records in, 50 out, 5 summaries: a few steps each, nothing per record held.
    expect(large).toBeLessThan(50 * 4 + 5 * 2);
  });
});
