/**
 * Integration: the class roster of a real page server — outside clients from 127.0.0.2 and
 * 127.0.0.3 (real sockets to the echo endpoint) become one row per address for presenters only;
 * clearing empties it for good, archiving keeps the rows to fetch again.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../core/protocol.ts';
import type { RosterArchiveResult, RosterUpdate } from '../../core/class/class-protocol.ts';
import { rosterKey, type RosterRow } from '../../core/class/roster.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import { until } from '../testdata/until.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: App;
const clients: Client[] = [];
beforeAll(async () => {
  const opts = parseServeArgs(['--port', '0', '--echo-port', '0']);
  app = await startApp({ ...opts, log: () => undefined });
  app.io.use((socket, next) => {
    if ((socket.handshake.auth as { role?: string }).role === 'viewer') socket.data.role = 'viewer';
    next();
  });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await app?.close();
});

/** A page that keeps the roster as the server tells it, like the page's own store does. */
async function page(role: 'presenter' | 'viewer') {
  const c: Client = connect(app.url, { transports: ['websocket'], auth: { role } });
  clients.push(c);
  const rows = new Map<string, RosterRow>();
  const updates: RosterUpdate[] = [];
  c.on('roster', (u) => {
    updates.push(u);
    if (u.reset) rows.clear();
    for (const k of u.removed) rows.delete(k);
    for (const r of u.rows) rows.set(r.key, r);
  });
  await new Promise<void>((r) => c.once('connect', () => r()));
  // Joining a session, as every page does, keeps it among the presenters.
  expect(await c.timeout(2000).emitWithAck('join', { session: 'live', after: 0 })).toMatchObject({
    ok: true,
  });
  return { c, rows, updates };
}

/** One TCP exchange from `localAddress`, as a student's program would make it. */
function student(localAddress: string, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port: app.echo.port, localAddress }, () =>
      s.end(message),
    );
    s.on('data', () => undefined);
    s.on('close', () => resolve());
    s.on('error', reject);
    s.setTimeout(5000, () => s.destroy(new Error('student client timed out')));
  });
}

const A = rosterKey('outside', '127.0.0.2');
const B = rosterKey('outside', '127.0.0.3');

describe('class roster', () => {
  it('groups outside clients by address for presenters; viewers get none of it', async () => {
    const presenter = await page('presenter');
    const viewer = await page('viewer');
    await student('127.0.0.2', 'A one');
    await student('127.0.0.2', 'A two');
    await student('127.0.0.3', 'B one');
    await until(
      () =>
        presenter.rows.get(A)?.conversations === 2 &&
        presenter.rows.get(B)?.conversations === 1 &&
        presenter.rows.get(A)?.open === 0 &&
        presenter.rows.get(B)?.open === 0,
      'two rows with 2 and 1 closed conversations',
    );
    const a = presenter.rows.get(A)!;
    expect(a).toMatchObject({ address: '127.0.0.2', origin: 'outside', failed: 0 });
    // Each reply is "Hello A, I am B. you msg is : <msg>\n": the server sent more than it read.
    expect(a.bytesC2S).toBe('A one'.length + 'A two'.length);
    expect(a.bytesS2C).toBeGreaterThan(a.bytesC2S);
    expect(a.recent.map((c) => c.port)).toHaveLength(2);
    expect(a.recent.every((c) => c.ending.startsWith('fin-'))).toBe(true);
    expect(presenter.updates[0]!.reset).toBe(true);
    // A page connecting later gets the whole roster at once.
    const late = await page('presenter');
    await until(() => late.rows.size >= 2, 'the roster on connection');
    expect(late.rows.get(B)!.conversations).toBe(1);
    expect(viewer.updates).toEqual([]);
  });

  it('clears for good, and keeps an archived roster to fetch', async () => {
    const presenter = await page('presenter');
    await until(() => presenter.rows.has(A), 'the roster');
    const viewer = await page('viewer');
    expect(
      await viewer.c.timeout(2000).emitWithAck('rosterClear', { archive: true }),
    ).toMatchObject({ ok: false, limit: 'viewer' });
    expect(await presenter.c.timeout(2000).emitWithAck('rosterClear', { archive: true })).toEqual({
      ok: true,
    });
    await until(() => presenter.rows.size === 0, 'the cleared roster');
    const reset = presenter.updates.at(-1)!;
    expect(reset.archives).toHaveLength(1);
    const archived: RosterArchiveResult = await presenter.c
      .timeout(2000)
      .emitWithAck('rosterArchive', { id: reset.archives![0]!.id });
    expect(archived.ok && archived.rows.map((r) => [r.address, r.conversations])).toEqual([
      ['127.0.0.2', 2],
      ['127.0.0.3', 1],
    ]);
    expect(
      await presenter.c.timeout(2000).emitWithAck('rosterArchive', { id: 'nothing-here' }),
    ).toEqual({ ok: false, error: 'That roster is no longer kept.' });

    await student('127.0.0.3', 'B again');
    await until(() => presenter.rows.get(B)?.open === 0, 'the new conversation, closed');
    expect(presenter.rows.get(B)).toMatchObject({ order: 1, conversations: 1 });
    expect(presenter.rows.has(A)).toBe(false);
    // Clearing without archiving keeps nothing more.
    await presenter.c.timeout(2000).emitWithAck('rosterClear', { archive: false });
    await until(() => presenter.rows.size === 0, 'the cleared roster');
    expect(presenter.updates.at(-1)!.archives).toHaveLength(1);
  });
});
