import { describe, expect, it } from 'vitest';
import { emptySummary, type ConversationSummary } from '../analysis/conversation-summary.ts';
import { Roster, ROSTER_RECENT, rosterKey } from './roster.ts';

const SERVER = { address: '127.0.0.1', port: 23333 };

/** A session summary of conversation `n` from `address` (records n*10 … n*10+9). */
function summary(
  n: number,
  address: string,
  more: Partial<ConversationSummary> = {},
): ConversationSummary {
  return {
    ...emptySummary(
      `tcp ${address}:${40000 + n}`,
      'tcp',
      { address, port: 40000 + n },
      SERVER,
      n,
      n * 1000,
    ),
    lastTime: n * 1000 + 500,
    records: 10,
    origin: 'outside',
    ending: 'open',
    errors: [],
    firstRecNo: n * 10,
    lastRecNo: n * 10 + 9,
    ...more,
  };
}

describe('Roster', () => {
  it('groups conversations by client address, one row each, in order of appearance', () => {
    const r = new Roster();
    r.update(summary(1, '127.0.0.2', { bytesC2S: 10, bytesS2C: 40, ending: 'fin-server' }));
    r.update(summary(2, '127.0.0.3', { bytesC2S: 5, ending: 'rst-client' }));
    r.update(summary(3, '127.0.0.2', { bytesC2S: 7, bytesS2C: 30 }));
    const rows = r.rows();
    expect(rows.map((x) => [x.address, x.order, x.conversations, x.open, x.failed])).toEqual([
      ['127.0.0.2', 1, 2, 1, 0],
      ['127.0.0.3', 2, 1, 0, 1],
    ]);
    expect(rows[0]).toMatchObject({
      bytesC2S: 17,
      bytesS2C: 70,
      endings: { 'fin-server': 1, open: 1 },
      firstTime: 1000,
      lastTime: 3500,
    });
    expect(rows[0]!.recent.map((c) => c.port)).toEqual([40003, 40001]);
  });

  it("replaces a conversation's earlier summary instead of adding it again", () => {
    const r = new Roster();
    r.update(summary(1, '127.0.0.2', { bytesC2S: 10 }));
    r.update(summary(1, '127.0.0.2', { bytesC2S: 13, bytesS2C: 60, ending: 'fin-server' }));
    r.update(
      summary(1, '127.0.0.2', {
        bytesC2S: 13,
        bytesS2C: 60,
        ending: 'error',
        errors: ['ECONNRESET'],
      }),
    );
    const [row] = r.rows();
    expect(row).toMatchObject({
      conversations: 1,
      open: 0,
      failed: 1,
      bytesC2S: 13,
      bytesS2C: 60,
      endings: { error: 1 },
      errors: ['ECONNRESET'],
    });
    expect(row!.recent).toHaveLength(1);
    expect(row!.recent[0]).toMatchObject({ ending: 'error', errors: ['ECONNRESET'] });
  });

  it('marks built-in and scenario clients apart from outside clients of the same address', () => {
    const r = new Roster();
    r.update(summary(1, '127.0.0.1'));
    r.update(summary(2, '127.0.0.1', { origin: 'scenario' }));
    // The built-in client's own tap arrives after the echo side's first step: the row moves.
    r.update(summary(1, '127.0.0.1', { origin: 'builtin', bytesC2S: 4 }));
    expect(r.rows().map((x) => [x.key, x.conversations, x.bytesC2S])).toEqual([
      [rosterKey('scenario', '127.0.0.1'), 1, 0],
      [rosterKey('builtin', '127.0.0.1'), 1, 4],
    ]);
    expect(r.take().removed).toEqual([rosterKey('outside', '127.0.0.1')]);
  });

  it('hands out each changed row once, and nothing for summaries without a client yet', () => {
    const r = new Roster();
    r.update(summary(1, ''));
    expect(r.take()).toEqual({ rows: [], removed: [] });
    r.update(summary(1, '127.0.0.2'));
    r.update(summary(2, '127.0.0.2'));
    r.update(summary(3, '127.0.0.3'));
    expect(r.take().rows.map((x) => [x.address, x.conversations])).toEqual([
      ['127.0.0.2', 2],
      ['127.0.0.3', 1],
    ]);
    expect(r.take().rows).toEqual([]);
    r.update(summary(3, '127.0.0.3', { ending: 'fin-client' }));
    expect(r.take().rows.map((x) => x.address)).toEqual(['127.0.0.3']);
  });

  it('keeps the newest conversations of a row, newest first', () => {
    const r = new Roster();
    for (let n = 1; n <= ROSTER_RECENT + 5; n++) r.update(summary(n, '127.0.0.2'));
    // A late change of an old conversation does not push a newer one out.
    r.update(summary(1, '127.0.0.2', { ending: 'fin-client' }));
    const [row] = r.rows();
    expect(row!.conversations).toBe(ROSTER_RECENT + 5);
    expect(row!.recent).toHaveLength(ROSTER_RECENT);
    expect(row!.recent[0]!.port).toBe(40000 + ROSTER_RECENT + 5);
    expect(row!.recent.at(-1)!.port).toBe(40006);
    expect(row!.endings).toEqual({ open: ROSTER_RECENT + 4, 'fin-client': 1 });
  });

  it('clears: rows go, and conversations begun before do not come back', () => {
    const r = new Roster();
    r.update(summary(1, '127.0.0.2'));
    r.update(summary(2, '127.0.0.3'));
    expect(r.clear().map((x) => x.address)).toEqual(['127.0.0.2', '127.0.0.3']);
    r.update(summary(2, '127.0.0.3', { ending: 'fin-server' })); // its late close
    expect(r.size).toBe(0);
    r.update(summary(3, '127.0.0.3'));
    expect(r.rows().map((x) => [x.address, x.order, x.conversations])).toEqual([
      ['127.0.0.3', 1, 1],
    ]);
  });

  it('bounds rows and conversations: the first to appear go first, and are not counted twice', () => {
    const r = new Roster(2, 3);
    r.update(summary(1, '10.0.0.1'));
    r.update(summary(2, '10.0.0.2'));
    r.update(summary(3, '10.0.0.3'));
    expect(r.rows().map((x) => x.address)).toEqual(['10.0.0.2', '10.0.0.3']);
    expect(r.take().removed).toEqual([rosterKey('outside', '10.0.0.1')]);
    r.update(summary(4, '10.0.0.3')); // forgets conversation 1
    r.update(summary(1, '10.0.0.1', { ending: 'fin-client' }));
    expect(r.rows().map((x) => [x.address, x.conversations])).toEqual([
      ['10.0.0.2', 1],
      ['10.0.0.3', 2],
    ]);
  });

  it('starts a row again, counted once, for a conversation whose row went past the bound', () => {
    const r = new Roster(2);
    r.update(summary(1, '10.0.0.1'));
    r.update(summary(2, '10.0.0.2'));
    r.update(summary(3, '10.0.0.3'));
    r.update(summary(1, '10.0.0.1', { bytesC2S: 9 }));
    expect(r.rows().map((x) => [x.address, x.conversations, x.bytesC2S])).toEqual([
      ['10.0.0.3', 1, 0],
      ['10.0.0.1', 1, 9],
    ]);
  });

  it('hands out copies: counting on does not change rows already handed out', () => {
    const r = new Roster();
    r.update(summary(1, '127.0.0.2'));
    const [before] = r.take().rows;
    r.update(summary(2, '127.0.0.2', { errors: ['ECONNREFUSED'] }));
    expect(before).toMatchObject({ conversations: 1, errors: [] });
    expect(before!.recent).toHaveLength(1);
  });

  it('counts a conversation of a new session apart, though its id is an old one', () => {
    const r = new Roster();
    r.update(summary(1, '127.0.0.2', { bytesC2S: 5 }));
    // A new live session numbers its records from 1 again; the same client port came round.
    r.update({ ...summary(1, '127.0.0.2', { bytesC2S: 7 }), firstRecNo: 3, firstTime: 90_000 });
    expect(r.rows().map((x) => [x.conversations, x.bytesC2S])).toEqual([[2, 12]]);
  });
});
