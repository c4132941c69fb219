/**
 * The store on real files: a session written and read back whole, files cut mid-record read up
 * to the cut with the cut named, and a data directory that cannot be written or fills up.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { echoSession } from '../../core/export/testdata/echo-session.ts';
import { tshark } from '../../core/export/testdata/tshark.ts';
import { Session } from '../hub/session.ts';
import { FrameRing } from '../sessions/frame-ring.ts';
import {
  closedTitleKey,
  LIVE_TITLE_KEY,
  serverLiveTitleKey,
  titleOf,
} from '../../core/session-title.ts';
import { openSessionStore } from './session-store.ts';
import {
  META_FILE,
  PACKETS_FILE,
  packetsFile,
  RECORDS_FILE,
  recordsFile,
  SESSIONS_DIR,
} from './store-layout.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    try {
      execFileSync('umount', [d], { stdio: 'ignore' });
    } catch {
      // not a mount
    }
    fs.rmSync(d, { recursive: true, force: true });
  }
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
  dirs.push(d);
  return d;
};

/** The echo exchange as a live session, appended record by record like a capture does. */
function liveSession(): Session {
  const s = echoSession();
  const session = new Session('live', 'live', LIVE_TITLE_KEY, s.startTime, 1000);
  session.frames = new FrameRing(1000, 1 << 20);
  const frameOf = new Map(s.frames.map((f) => [f.recNo, f.frame]));
  for (const r of s.records) {
    const { recNo, ...rest } = r;
    session.append(rest);
    const frame = frameOf.get(recNo);
    if (frame) session.frames.push(frame);
  }
  return session;
}

const flushed = () => new Promise((r) => setTimeout(r, 150));

function storeIn(dataDir: string) {
  const lines: string[] = [];
  let changes = 0;
  const store = openSessionStore({
    dataDir,
    maxRecords: 1000,
    log: (l) => lines.push(l),
    changed: () => changes++,
  });
  return { store, lines, changes: () => changes };
}

function folderOf(dataDir: string): string {
  const [folder] = fs.readdirSync(path.join(dataDir, SESSIONS_DIR));
  return path.join(dataDir, SESSIONS_DIR, folder!);
}

describe('session store', () => {
  it('writes records and packets as they come, and reads them back closed after a restart', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir);
    const session = liveSession();
    store.record(session);
    await flushed();
    const folder = folderOf(dataDir);
    // The packets file is a pcapng tshark reads without a word.
    const r = tshark(fs.readFileSync(path.join(folder, packetsFile(1))), [
      '-T',
      'fields',
      '-e',
      'frame.number',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(session.frames!.size);

    const again = storeIn(dataDir);
    expect(again.store.restored).toHaveLength(1);
    const back = again.store.restored[0]!;
    expect(back.info()).toMatchObject({
      closed: true,
      kind: 'live',
      lastRecNo: session.info().lastRecNo,
    });
    expect(back.info().storeNote).toBeUndefined();
    expect(back.since(0).records).toEqual(session.since(0).records);
    expect(back.frames!.size).toBe(session.frames!.size);
    expect(back.frames!.at(4)!.data).toEqual(session.frames!.at(4)!.data);
  });

  it('stores a default title with its key and reads it back closed, also from a meta.json written before keys', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir);
    const session = liveSession();
    store.record(session);
    await flushed();
    const file = path.join(folderOf(dataDir), META_FILE);
    const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(meta).toMatchObject({ title: 'Live: echo endpoints', titleKey: { key: 'live' } });
    const readBack = () => {
      const back = storeIn(dataDir).store.restored[0]!.info();
      return { title: back.title, titleKey: back.titleKey };
    };
    const closed = closedTitleKey(LIVE_TITLE_KEY, session.startTime);
    expect(readBack()).toEqual({ title: titleOf(closed), titleKey: closed });

    const { titleKey: _, ...old } = meta;
    const server = serverLiveTitleKey('beef0001');
    const closedFile = `class.pcap (${closed.started} UTC)`;
    for (const { name, stored, expected } of [
      { name: 'before keys', stored: old, expected: closed },
      {
        name: 'before keys, one server of several',
        stored: { ...old, title: titleOf(server) },
        expected: closedTitleKey(server, session.startTime),
      },
      { name: 'a file`s name', stored: { ...old, title: 'class.pcap' }, expected: closedFile },
      {
        name: 'a key that does not parse: as if there were none',
        stored: { ...old, title: 'class.pcap', titleKey: { key: 'live', node: '<b>' } },
        expected: closedFile,
      },
      {
        name: 'a name someone gave',
        stored: { ...meta, name: 'Live: echo endpoints' },
        expected: 'Live: echo endpoints',
      },
    ]) {
      fs.writeFileSync(file, JSON.stringify(stored) + '\n');
      const title = typeof expected === 'string' ? expected : titleOf(expected);
      const titleKey = typeof expected === 'string' ? undefined : expected;
      expect(readBack(), name).toEqual({ title, titleKey });
    }
  });

  it('stores hindsight corrections with the session: read back, the record has its corrected states', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir);
    const session = liveSession();
    store.record(session);
    await flushed();
    const syn = session.since(0).records.find((r) => r.type === 'packet')!;
    if (syn.type !== 'packet') throw new Error('no packet');
    const corrected = {
      ...syn.analysis!,
      states: { client: 'SYN_SENT' as const, server: 'CLOSED' as const },
      corrected: true as const,
    };
    session.correct(syn.recNo, corrected);
    await flushed();
    store.close();
    const back = storeIn(dataDir).store.restored[0]!;
    const again = back.since(0).records.find((r) => r.recNo === syn.recNo)!;
    expect(again).toEqual({ ...syn, analysis: corrected });
    expect(back.info()).toMatchObject({ lastRecNo: session.info().lastRecNo });
    expect(back.info().storeNote).toBeUndefined();
  });

  it('reads a folder of the layout before segments (records.jsonl, packets.pcapng)', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir);
    const session = liveSession();
    store.record(session);
    await flushed();
    store.close();
    const folder = folderOf(dataDir);
    fs.renameSync(path.join(folder, recordsFile(1)), path.join(folder, RECORDS_FILE));
    fs.renameSync(path.join(folder, packetsFile(1)), path.join(folder, PACKETS_FILE));
    const back = storeIn(dataDir).store.restored[0]!;
    expect(back.since(0).records).toEqual(session.since(0).records);
    expect(back.frames!.size).toBe(session.frames!.size);
  });

  it('reads a records file cut mid-record up to the cut, and says what was cut', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir);
    const session = liveSession();
    store.record(session);
    await flushed();
    const file = path.join(folderOf(dataDir), recordsFile(1));
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    // Keep 10 whole lines and half of the 11th.
    const keep = lines.slice(0, 10).join('\n') + '\n' + lines[10]!.slice(0, 40);
    fs.writeFileSync(file, keep);
    const back = storeIn(dataDir);
    const restored = back.store.restored[0]!;
    expect(restored.since(0).records).toEqual(session.since(0).records.slice(0, 10));
    expect(restored.info().storeNote).toMatch(
      /records-000001\.jsonl was cut after record 10 \(40 bytes/,
    );
    expect(back.lines.join('\n')).toContain('was cut after record 10');
  });

  it('reads a pcapng cut mid-packet up to the cut, and says so', async () => {
    const dataDir = tmp();
    const { store } = storeIn(dataDir);
    store.record(liveSession());
    await flushed();
    const file = path.join(folderOf(dataDir), packetsFile(1));
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 30));
    const restored = storeIn(dataDir).store.restored[0]!;
    expect(restored.frames!.size).toBe(liveSession().frames!.size - 1);
    expect(restored.info().storeNote).toMatch(/packets-000001\.pcapng was cut after packet \d+/);
    // The records are whole: every one is still there.
    expect(restored.info().lastRecNo).toBe(liveSession().info().lastRecNo);
  });

  it('an unusable --data-dir is one line and the session says it is not recorded', () => {
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, 'x');
    const { store, lines } = storeIn(path.join(file, 'data'));
    const session = liveSession();
    store.record(session);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^packet-ladder: not recording sessions: /);
    expect(session.info().storeNote).toMatch(/^Not recorded: /);
    expect(session.info().lastRecNo).toBeGreaterThan(0);
  });

  it('a full disk stops recording with one line; the session goes on in memory', async () => {
    const dataDir = tmp();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dataDir]);
    const { store, lines, changes } = storeIn(dataDir);
    const session = new Session('live', 'live', 'Live', 1_700_000_000_000_000, 100_000);
    store.record(session);
    const s = echoSession('x'.repeat(200));
    for (let i = 0; i < 2000; i++) {
      const { recNo: _recNo, ...rest } = s.records[i % s.records.length]!;
      session.append(rest);
      if (i % 50 === 0) await flushed();
    }
    await flushed();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/recording of session live stopped: the disk holding .* is full/);
    expect(session.info().storeNote).toMatch(/^Recording stopped: the disk/);
    expect(changes()).toBe(1);
    expect(session.info().lastRecNo).toBe(2000);
    store.close();
  });
});
