/**
 * The presenter's session actions on a real server with live capture and a real --data-dir: a
 * new live session keeps the old one (closed, exports intact), names and deletes persist across
 * a restart, the live session cannot be deleted, and --private keeps exports from viewers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  SessionInfo,
} from '../../core/protocol.ts';
import { tshark } from '../../core/export/testdata/tshark.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import type { SessionListEntry } from '../http/session-list.ts';
import { SESSIONS_DIR } from './store-layout.ts';
import { echoExchange } from './testdata/echo-exchange.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'session-actions-'));
const apps: App[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(...flags: string[]): Promise<App> {
  const opts = parseServeArgs(['--port', '0', '--echo-port', '0', '--data-dir', dataDir, ...flags]);
  const app = await startApp({ ...opts, log: () => undefined });
  apps.push(app);
  return app;
}

async function page(app: App): Promise<Client> {
  const c: Client = connect(app.url, { transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    c.once('connect', resolve);
    c.once('connect_error', reject);
  });
  return c;
}

/** Waits for the exchange's 9th packet (both FINs acknowledged). */
async function packets(app: App, n: number): Promise<void> {
  const end = Date.now() + 5000;
  while ((app.live.frames?.size ?? 0) < n && Date.now() < end)
    await new Promise((r) => setTimeout(r, 20));
}

const list = async (app: App) =>
  (await (await fetch(new URL('/api/sessions', app.url))).json()) as SessionListEntry[];

describe('session actions', () => {
  it('a new session keeps the old one closed, and names, deletes and records outlast a restart', async () => {
    const app = await start('--capture');
    await echoExchange(app.echo.port, 'first lesson');
    await packets(app, 9);
    const before = app.live.info().lastRecNo;
    const c = await page(app);
    const heard: SessionInfo[][] = [];
    c.on('sessions', (l) => heard.push(l));

    const made = await c.timeout(5000).emitWithAck('newSession', { name: '  Lesson 2  ' });
    expect(made).toEqual({ ok: true, session: 'live' });
    const after = heard.at(-1)!;
    const old = after.find((s) => s.id !== 'live')!;
    expect(old).toMatchObject({ closed: true, kind: 'live' });
    // Records still on their way when the new session started stay with the old one.
    expect(old.lastRecNo).toBeGreaterThanOrEqual(before);
    expect(old.id).toMatch(/^live-\d{8}t\d{6}z$/);
    expect(old.title).toMatch(/^Live: echo endpoints \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
    // The page is told the default title's key, closed; a name someone gave has none.
    expect(old.titleKey).toEqual({ key: 'live', started: old.title.slice(22, 38) });
    expect(after.find((s) => s.id === 'live')).toMatchObject({ title: 'Lesson 2', lastRecNo: 0 });
    expect(after.find((s) => s.id === 'live')!.titleKey).toBeUndefined();

    // The new session gets the next exchange; both export their own packets.
    await echoExchange(app.echo.port, 'second lesson');
    await packets(app, 9);
    for (const [id, text] of [
      [old.id, 'first lesson'],
      ['live', 'second lesson'],
    ] as const) {
      const res = await fetch(new URL(`/api/sessions/${id}/export.pcapng`, app.url));
      expect(res.status).toBe(200);
      const r = tshark(Buffer.from(await res.arrayBuffer()), ['-T', 'fields', '-e', 'tcp.payload']);
      expect(r.stderr).toBe('');
      const payloads = r.stdout.split('\n').filter(Boolean);
      expect(payloads.map((p) => Buffer.from(p, 'hex').toString())).toContain(text);
    }

    // Rename the old one, delete what cannot be deleted, refuse bad names.
    expect(
      await c.timeout(5000).emitWithAck('renameSession', { session: old.id, name: 'Lesson 1' }),
    ).toEqual({ ok: true, session: old.id });
    expect(await c.timeout(5000).emitWithAck('deleteSession', { session: 'live' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/live session is being recorded/),
    });
    expect(
      await c.timeout(5000).emitWithAck('renameSession', { session: 'live', name: 'a\u202Eb' }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/control characters/) });
    expect(
      await c.timeout(5000).emitWithAck('renameSession', { session: 'nope', name: 'x' }),
    ).toMatchObject({ ok: false, error: 'No session named "nope".' });
    const lastSecond = app.live.info().lastRecNo;
    c.close();
    await app.close();
    apps.pop();

    // After a restart: the same two sessions, closed, with their names and records.
    const again = await start();
    const back = await list(again);
    expect(back.map((s) => [s.id === 'live' ? 'live' : s.id, s.name, s.closed ?? false])).toEqual([
      [old.id, 'Lesson 1', true],
      [expect.stringMatching(/^live-/), 'Lesson 2', true],
      ['live', 'Live: echo endpoints', false],
    ]);
    expect(back.map((s) => s.titleKey)).toEqual([undefined, undefined, { key: 'live' }]);
    expect(back[0]).toMatchObject({ lastRecNo: old.lastRecNo });
    expect(back[0]!.packets).toBeGreaterThanOrEqual(9);
    expect(back[1]).toMatchObject({ lastRecNo: lastSecond });
    expect(back[0]!.storedBytes).toBeGreaterThan(1000);

    const d = await page(again);
    expect(await d.timeout(5000).emitWithAck('deleteSession', { session: old.id })).toEqual({
      ok: true,
      session: old.id,
    });
    expect((await list(again)).map((s) => s.id)).not.toContain(old.id);
    expect(fs.readdirSync(path.join(dataDir, SESSIONS_DIR))).not.toContain(old.id);
    d.close();
  }, 40_000);

  it('a new session is refused while a scenario runs, and starts once it has finished', async () => {
    const app = await start();
    const c = await page(app);
    const done = new Promise<void>((resolve) =>
      c.on('scenario', (s) => {
        if (s.state === 'done') resolve();
      }),
    );
    expect(await c.timeout(5000).emitWithAck('runScenario', { id: 'keepalive' })).toMatchObject({
      ok: true,
      state: 'running',
    });
    const refused = await c.timeout(5000).emitWithAck('newSession', {});
    expect(refused).toEqual({
      ok: false,
      error: 'A scenario is running: start a new session once it has finished.',
    });
    expect(app.live.id).toBe('live');
    await done;
    expect(await c.timeout(5000).emitWithAck('newSession', {})).toEqual({
      ok: true,
      session: 'live',
    });
    c.close();
  }, 30_000);

  it('--private: viewers get the list but no export, presenters get both', async () => {
    const app = await start('--private', '--token', 'private-token-0123456789');
    const [one] = await list(app);
    const url = new URL(`/api/sessions/${one!.id}/export.json`, app.url);
    const viewer = await fetch(url);
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toEqual({
      error: 'This server is private: only the presenter can export.',
    });
    const presenter = await fetch(url, {
      headers: { cookie: `pl_presenter=private-token-0123456789` },
    });
    expect(presenter.status).toBe(200);
    const c: Client = connect(app.url, { transports: ['websocket'], reconnection: false });
    const hello = await new Promise((r) => c.once('hello', r));
    expect(hello).toMatchObject({ role: 'viewer', private: true });
    c.close();
  });
});
