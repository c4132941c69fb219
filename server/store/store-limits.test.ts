/**
 * The store's limits and the presenter's changes on real files: a session past its own cap
 * counts what it did not store; past the total cap the oldest sessions not being written are
 * pruned; a rename survives a restart; a delete removes the folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { echoSession } from '../../core/export/testdata/echo-session.ts';
import { Session } from '../hub/session.ts';
import { openSessionStore, type StoreOptions } from './session-store.ts';
import { SESSIONS_DIR } from './store-layout.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'store-limits-'));
  dirs.push(d);
  return d;
};
const flushed = () => new Promise((r) => setTimeout(r, 150));

function storeIn(dataDir: string, more: Partial<StoreOptions> = {}) {
  const lines: string[] = [];
  const pruned: string[] = [];
  const store = openSessionStore({
    dataDir,
    maxRecords: 100_000,
    log: (l) => lines.push(l),
    changed: () => undefined,
    pruned: (gone) => pruned.push(...gone.map((s) => s.id)),
    ...more,
  });
  return { store, lines, pruned };
}

/** A session of `n` records of the echo exchange, starting at `start` (µs). */
function filled(id: string, kind: 'live' | 'file', start: number, n: number): Session {
  const session = new Session(id, kind, id, start, 100_000);
  const s = echoSession('y'.repeat(100));
  for (let i = 0; i < n; i++) {
    const { recNo: _recNo, ...rest } = s.records[i % s.records.length]!;
    session.append(rest);
  }
  return session;
}

const folders = (dataDir: string) => fs.readdirSync(path.join(dataDir, SESSIONS_DIR)).sort();

describe('store limits', () => {
  it('a session past its cap stores the records up to it and counts the rest', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir, { maxSessionBytes: 20_000 });
    const session = filled('live', 'live', 1_700_000_000_000_000, 0);
    store.record(session);
    const s = echoSession('z'.repeat(100));
    for (let i = 0; i < 500; i++) {
      const { recNo: _recNo, ...rest } = s.records[i % s.records.length]!;
      session.append(rest);
      if (i % 20 === 0) await flushed();
    }
    store.close();
    const info = session.info();
    expect(info.storeDropped).toBeGreaterThan(0);
    expect(info.storeNote).toMatch(
      new RegExp(`^Stored up to record \\d+: ${info.storeDropped} later records not stored`),
    );
    const kept = Number(/record (\d+)/.exec(info.storeNote!)![1]);
    expect(kept + info.storeDropped!).toBe(500);
    // On disk: the records up to the cut, whole, and nothing after it.
    const back = storeIn(dataDir).store.restored[0]!;
    expect(back.info().lastRecNo).toBe(kept);
    expect(back.info().storeNote).toBeUndefined();
  });

  it('past the total cap the oldest closed sessions go first, never the live one', async () => {
    const dataDir = tmp();
    const first = storeIn(dataDir);
    const t0 = 1_700_000_000_000_000;
    for (let i = 0; i < 3; i++) first.store.record(filled(`old${i}`, 'file', t0 + i, 200));
    await flushed();
    first.store.close();
    const sizes = folders(dataDir).map((f) =>
      fs
        .readdirSync(path.join(dataDir, SESSIONS_DIR, f))
        .reduce((n, x) => n + fs.statSync(path.join(dataDir, SESSIONS_DIR, f, x)).size, 0),
    );
    // Room for the live session and one old one.
    const live = filled('live', 'live', t0 + 10, 200);
    const again = storeIn(dataDir, { maxTotalBytes: sizes[0]! * 2.5 });
    expect(again.store.restored.map((s) => s.id)).toEqual(folders(dataDir));
    again.store.record(live);
    await flushed();
    again.store.prune();
    expect(again.pruned).toEqual(again.store.restored.slice(0, 2).map((s) => s.id));
    expect(folders(dataDir)).toEqual(
      [again.store.restored[2]!.id, folders(dataDir).find((f) => f.startsWith('live-'))!].sort(),
    );
    expect(again.lines.join('\n')).toMatch(/pruned 2 stored session\(s\)/);
    // The live session alone past the cap is never pruned.
    const tight = storeIn(dataDir, { maxTotalBytes: 1 });
    const live2 = filled('live', 'live', t0 + 20, 50);
    tight.store.record(live2);
    await flushed();
    tight.store.prune();
    expect(tight.pruned).not.toContain(live2.id);
    expect(folders(dataDir).filter((f) => f.startsWith('live-'))).toHaveLength(1);
    again.store.close();
    tight.store.close();
  });

  it('a rename survives a restart; a retired session reads back under the id it was given', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir);
    const live = filled('live', 'live', 1_700_000_000_000_000, 20);
    store.record(live);
    store.rename(live, 'Lesson 1 — 握手');
    const id = store.retire(live);
    expect(id).toMatch(/^live-\d{8}t\d{6}z$/);
    const back = storeIn(dataDir).store;
    expect(back.restored.map((s) => [s.id, s.title])).toEqual([[id, 'Lesson 1 — 握手']]);
    back.rename(back.restored[0]!, 'Lesson 1');
    expect(storeIn(dataDir).store.restored[0]!.title).toBe('Lesson 1');
    back.remove(back.restored[0]!);
    expect(folders(dataDir)).toEqual([]);
    expect(storeIn(dataDir).store.restored).toEqual([]);
  });
});
