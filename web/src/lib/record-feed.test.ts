import { describe, it, expect } from 'vitest';
import { RecordFeed } from './record-feed.ts';
import { step, recNos, tcp } from './testdata/records.ts';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => step(a + i));

describe('RecordFeed.batch', () => {
  const cases = [
    {
      name: 'appends consecutive records',
      held: [1, 3],
      batch: [4, 5],
      expected: [1, 2, 3, 4, 5],
      rejoin: false,
    },
    {
      name: 'ignores duplicates',
      held: [1, 3],
      batch: [2, 3, 4],
      expected: [1, 2, 3, 4],
      rejoin: false,
    },
    {
      name: 'ignores a batch of old records',
      held: [1, 3],
      batch: [1, 2],
      expected: [1, 2, 3],
      rejoin: false,
    },
    {
      name: 'asks to rejoin on a gap',
      held: [1, 3],
      batch: [5, 6],
      expected: [1, 2, 3],
      rejoin: true,
    },
    {
      name: 'keeps what comes before a gap',
      held: [1, 3],
      batch: [4, 6],
      expected: [1, 2, 3, 4],
      rejoin: true,
    },
    {
      name: 'sorts a batch out of order',
      held: [1, 1],
      batch: [3, 2],
      expected: [1, 2, 3],
      rejoin: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const feed = new RecordFeed(100);
      feed.beginJoin();
      feed.endJoin(range(c.held[0]!, c.held[1]!), false, c.held[1]!);
      const change = feed.batch(c.batch.map((s) => step(s)));
      expect(recNos(feed.store.toArray())).toEqual(c.expected);
      expect(feed.lastRecNo).toBe(c.expected.at(-1));
      expect(change.rejoin).toBe(c.rejoin);
    });
  }
});

describe('RecordFeed bound', () => {
  it('keeps at most maxRecords, dropping the oldest', () => {
    const feed = new RecordFeed(5);
    for (let i = 1; i <= 20; i += 3) feed.batch(range(i, i + 2));
    expect(recNos(feed.store.toArray())).toEqual([17, 18, 19, 20, 21]);
    expect(feed.lastRecNo).toBe(21);
  });
  it('trims when the bound is lowered', () => {
    const feed = new RecordFeed(10);
    feed.batch(range(1, 8));
    expect(feed.setMax(3)).toBe(true);
    expect(recNos(feed.store.toArray())).toEqual([6, 7, 8]);
  });
});

describe('RecordFeed joins', () => {
  it('resumes after lastRecNo and merges the batches that came during the join', () => {
    const feed = new RecordFeed(100);
    feed.batch(range(1, 3));
    expect(feed.beginJoin()).toBe(3);
    expect(feed.batch([step(6), step(7)]).changed).toBe(false);
    const change = feed.endJoin(range(3, 6), false, 6);
    expect(change).toEqual({ changed: true, rejoin: false });
    expect(recNos(feed.store.toArray())).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('starts over when the server says gap', () => {
    const feed = new RecordFeed(100);
    feed.batch(range(1, 3));
    feed.beginJoin();
    feed.endJoin(range(50, 52), true, 52);
    expect(recNos(feed.store.toArray())).toEqual([50, 51, 52]);
    expect(feed.lastRecNo).toBe(52);
  });
  it('starts over on a gap the server did not flag', () => {
    const feed = new RecordFeed(100);
    feed.batch(range(1, 3));
    feed.beginJoin();
    feed.endJoin(range(10, 11), false, 11);
    expect(recNos(feed.store.toArray())).toEqual([10, 11]);
  });
  it('takes the session lastRecNo on an empty gap answer', () => {
    const feed = new RecordFeed(100);
    feed.beginJoin();
    feed.endJoin([], true, 40);
    expect(feed.lastRecNo).toBe(40);
    expect(feed.batch([step(41)]).changed).toBe(true);
  });
  it('clears and rejoins when the server started over', () => {
    const feed = new RecordFeed(100);
    feed.batch(range(1, 30));
    feed.beginJoin();
    expect(feed.endJoin([], false, 4)).toEqual({ changed: true, rejoin: true });
    expect(feed.store.toArray()).toEqual([]);
    expect(feed.beginJoin()).toBe(0);
  });
  it('drops queued batches when a join is aborted', () => {
    const feed = new RecordFeed(100);
    feed.beginJoin();
    feed.batch([step(1)]);
    feed.abortJoin();
    expect(feed.store.toArray()).toEqual([]);
    expect(feed.joining).toBe(false);
  });
  it('forgets everything on reset', () => {
    const feed = new RecordFeed(100);
    feed.batch(range(1, 5));
    feed.beginJoin();
    feed.reset();
    expect(feed.store.toArray()).toEqual([]);
    expect(feed.joining).toBe(false);
    expect(feed.beginJoin()).toBe(0);
  });
});

describe('RecordFeed.correct', () => {
  const refused = {
    stream: 0,
    from: 'client' as const,
    states: { client: 'SYN_SENT' as const, server: 'CLOSED' as const },
    corrected: true as const,
  };

  it('replaces the analysis of the packets held, in new records, and leaves the rest alone', () => {
    const feed = new RecordFeed(10);
    feed.batch([step(1), tcp(2, ['SYN']), tcp(3, ['RST', 'ACK'], {}, false)]);
    const before = feed.store.toArray();
    const conv = feed.store.recordsOf(before[1]!.conv!);
    expect(feed.correct([{ recNo: 2, analysis: refused }])).toEqual({
      changed: true,
      rejoin: false,
    });
    const after = feed.store.toArray();
    expect(after[1]).toMatchObject({ recNo: 2, analysis: refused });
    expect(before[1]).not.toHaveProperty('analysis');
    expect(after[0]).toBe(before[0]);
    // The conversation's view is made anew with the corrected record.
    const now = feed.store.recordsOf(before[1]!.conv!);
    expect(now).not.toBe(conv);
    expect(now.find((r) => r.recNo === 2)).toBe(after[1]);
  });

  it('skips records not held, and socket steps', () => {
    const feed = new RecordFeed(2);
    feed.batch([tcp(1, ['SYN']), step(2), step(3)]);
    const before = feed.store.toArray();
    const change = feed.correct([
      { recNo: 1, analysis: refused },
      { recNo: 3, analysis: refused },
      { recNo: 9, analysis: refused },
    ]);
    expect(change.changed).toBe(false);
    expect(feed.store.toArray()).toEqual(before);
  });
});
