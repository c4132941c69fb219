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

/** Appends `n` records of the echo exchange one by one, each written before the next, as live. */
async function appendLive(session: Session, n: number): Promise<void> {
  const s = echoSession('z'.repeat(100));
  for (let i = 0; i < n; i++) {
    const { recNo: _recNo, ...rest } = s.records[i % s.records.length]!;
    session.append(rest);
    await null;
  }
}

const folders = (dataDir: string) => fs.readdirSync(path.join(dataDir, SESSIONS_DIR)).sort();

describe('store limits', () => {
  it('a session past its cap keeps its newest records, on disk and in memory, and counts the rest', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir, { maxSessionBytes: 20_000 });
    const session = filled('live', 'live', 1_700_000_000_000_000, 0);
    store.record(session);
    await appendLive(session, 500);
    store.close();
    const info = session.info();
    expect(info.lastRecNo).toBe(500);
    expect(info.storeDropped).toBeGreaterThan(0);
    // In memory: the records from the oldest one kept on disk to the newest.
    expect(info.firstRecNo).toBe(info.storeDropped! + 1);
    expect(session.since(0).records[0]!.recNo).toBe(info.firstRecNo);
    expect(info.storeNote).toBe(
      `Keeping the newest records, from record ${info.firstRecNo}: the oldest ${info.storeDropped} were dropped to stay under the session's size cap (--max-session-mb 0).`,
    );
    // On disk: under the cap, in whole segments, the newest records with their own numbers.
    const folder = path.join(dataDir, SESSIONS_DIR, folders(dataDir)[0]!);
    const files = fs.readdirSync(folder);
    const size = files.reduce((n, f) => n + fs.statSync(path.join(folder, f)).size, 0);
    expect(size).toBeLessThan(20_000 + 1000);
    expect(files.filter((f) => f.startsWith('records-')).length).toBeGreaterThanOrEqual(3);
    expect(files).not.toContain('records-000001.jsonl');
    const back = storeIn(dataDir).store.restored[0]!;
    expect(back.info()).toMatchObject({
      firstRecNo: info.firstRecNo,
      lastRecNo: 500,
      storeDropped: info.storeDropped,
    });
    expect(back.since(0).records).toEqual(session.since(0).records);
    expect(back.info().storeNote).toMatch(
      /^Keeping the newest records, from record \d+: the oldest/,
    );
  });

  it('a kill during a segment’s deletion leaves a folder that reads back: a packets file without its records is passed over', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir, { maxSessionBytes: 20_000 });
    const session = filled('live', 'live', 1_700_000_000_000_000, 0);
    store.record(session);
    await appendLive(session, 300);
    store.close();
    const folder = path.join(dataDir, SESSIONS_DIR, folders(dataDir)[0]!);
    const oldest = fs
      .readdirSync(folder)
      .filter((f) => f.startsWith('records-'))
      .sort()[0]!;
    // The records file of the oldest segment deleted, its packets file not yet.
    fs.rmSync(path.join(folder, oldest));
    fs.writeFileSync(
      path.join(folder, oldest.replace('records', 'packets').replace('jsonl', 'pcapng')),
      'x',
    );
    const back = storeIn(dataDir).store.restored[0]!;
    expect(back.info().lastRecNo).toBe(300);
    expect(back.info().firstRecNo).toBeGreaterThan(session.info().firstRecNo);
    expect(back.since(0).records).toEqual(session.since(back.info().firstRecNo - 1).records);
    expect(back.info().storeNote).not.toMatch(/Cut short/);
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
