/**
 * The share workers: a real capture read in a worker thread gives the same session as reading it
 * on the calling thread (records, numbering, summaries, frames); a bad file gives one line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LOOPBACK_TCP_ECHO } from '../../core/ingest/testdata/loopback-captures.ts';
import type { Session } from '../hub/session.ts';
import { sessionFromCapture } from './file-session.ts';
import { echoCopies } from './testdata/echo-copies.ts';
import { ShareParseError, ShareWorkers } from './share-workers.ts';

const workers = new ShareWorkers();
afterAll(() => workers.close());
const parseInWorker = workers.parse.bind(workers);

/** Reads `bytes` in a worker, in chunks of `chunk` bytes. */
async function viaWorker(bytes: Uint8Array, maxRecords: number, chunk = 4096) {
  const reads: number[] = [];
  const parse = parseInWorker({ id: 'file-1', title: 't.pcap', maxRecords }, (p) =>
    reads.push(p.packets),
  );
  for (let at = 0; at < bytes.length; at += chunk) parse.write(bytes.subarray(at, at + chunk));
  return { session: await parse.end(), reads };
}

function frames(s: Session) {
  return [...(s.frames ?? [])].map((f) => ({
    linkType: f.linkType,
    time: f.time,
    origlen: f.origlen,
    data: [...f.data],
  }));
}

describe('ShareWorkers', () => {
  it.each([
    { name: 'the real echo capture', bytes: LOOPBACK_TCP_ECHO, maxRecords: 100 },
    { name: '300 copies, older records dropped', bytes: echoCopies(300), maxRecords: 500 },
  ])('gives the same session as reading on this thread: $name', async ({ bytes, maxRecords }) => {
    const here = sessionFromCapture('file-1', 't.pcap', bytes, maxRecords);
    const { session, reads } = await viaWorker(bytes, maxRecords);
    expect(session.info()).toEqual(here.info());
    // Records dropped: the session bar says so, on either path.
    expect(session.info().storeNote !== undefined).toBe(here.info().firstRecNo > 1);
    expect(session.since(0)).toEqual(here.since(0));
    expect(session.summaries.all()).toEqual(here.summaries.all());
    expect(session.totals()).toEqual(here.totals());
    expect(frames(session)).toEqual(frames(here));
    expect(session.frames!.firstNumber).toBe(here.frames!.firstNumber);
    expect(reads.at(-1)).toBeLessThanOrEqual(here.info().lastRecNo);
    expect(reads.length).toBeGreaterThan(0);
  });

  it('ends a worker whose heap grew past the bound before the session is rebuilt, and the session is whole', async () => {
    const bytes = echoCopies(300);
    const here = sessionFromCapture('file-1', 't.pcap', bytes, 500);
    // Every worker is past a bound of 0 MB; the default keeps one that read a small file.
    const ending = new ShareWorkers(undefined, 0);
    try {
      for (const w of [ending, workers]) {
        const parse = w.parse({ id: 'file-1', title: 't.pcap', maxRecords: 500 }, () => undefined);
        for (let at = 0; at < bytes.length; at += 4096) parse.write(bytes.subarray(at, at + 4096));
        const session = await parse.end();
        expect(session.since(0)).toEqual(here.since(0));
        expect(session.summaries.all()).toEqual(here.summaries.all());
        expect(frames(session)).toEqual(frames(here));
      }
      expect(ending.idleCount).toBe(0);
      expect(workers.idleCount).toBe(1);
      // The next file gets a new worker.
      const next = ending.parse({ id: 'file-2', title: 'x', maxRecords: 100 }, () => undefined);
      next.write(LOOPBACK_TCP_ECHO);
      expect((await next.end()).info().lastRecNo).toBe(10);
    } finally {
      await ending.close();
    }
  });

  it('numbers frames as the records that are kept, after older ones were dropped', async () => {
    const { session } = await viaWorker(echoCopies(100), 200);
    const last = session.since(0).records.at(-1)!;
    expect(last.type).toBe('packet');
    const no = last.type === 'packet' ? last.no : 0;
    expect(session.frames!.at(no)).toBeDefined();
    expect(session.frames!.at(no - 200)).toBeUndefined();
  });

  it('refuses a file that is not a capture with one line, and the next file is read', async () => {
    const bad = parseInWorker({ id: 'file-2', title: 'x', maxRecords: 100 }, () => undefined);
    bad.write(new TextEncoder().encode('this is not a capture file at all'));
    const err = await bad.end().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShareParseError);
    expect((err as ShareParseError).unreadable).toBe(true);
    expect((err as Error).message).not.toContain('\n');
    expect((err as Error).message).toMatch(/at byte 0/);
    const { session } = await viaWorker(LOOPBACK_TCP_ECHO, 100);
    expect(session.info().lastRecNo).toBeGreaterThan(0);
  });

  it('refuses a capture cut mid-packet', async () => {
    const cut = LOOPBACK_TCP_ECHO.subarray(0, LOOPBACK_TCP_ECHO.length - 10);
    const err = await viaWorker(cut, 100).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShareParseError);
    expect((err as ShareParseError).unreadable).toBe(true);
  });

  it('stops on abort with one line', async () => {
    const parse = parseInWorker({ id: 'file-3', title: 'x', maxRecords: 100 }, () => undefined);
    parse.write(LOOPBACK_TCP_ECHO.subarray(0, 100));
    parse.abort();
    await expect(parse.end()).rejects.toThrow(/stopped/);
  });

  it('a worker out of memory gives one line; the next share gets a new worker', async () => {
    const small = new ShareWorkers(4);
    try {
      const parse = small.parse({ id: 'f', title: 'x', maxRecords: 100_000 }, () => undefined);
      const bytes = echoCopies(20_000);
      for (let at = 0; at < bytes.length; at += 65536) parse.write(bytes.subarray(at, at + 65536));
      const err = await parse.end().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ShareParseError);
      expect((err as ShareParseError).unreadable).toBe(false);
      expect((err as Error).message).toMatch(
        /^The server could not read the file: .+\.$|ended early/,
      );
      expect((err as Error).message).not.toContain('\n');
    } finally {
      await small.close();
    }
    const { session } = await viaWorker(LOOPBACK_TCP_ECHO, 100);
    expect(session.info().lastRecNo).toBe(10);
  }, 60_000);
});
