/**
 * Integration: each limit of the hub hit once against a real page server, with the one line its
 * page shows — trigger rates (one page, every page), pages per address, join pages and join rate.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  RangeResult,
  ServerToClientEvents,
} from '../../core/protocol.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import { readStep } from './testdata/read-step.ts';
import { JOIN_PAGE } from './page-events.ts';
import { until } from '../testdata/until.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: App | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await app?.close();
  app = undefined;
});

async function start(...flags: string[]): Promise<App> {
  app = await startApp({
    ...parseServeArgs(['--port', '0', '--echo-port', '0', ...flags]),
    log: () => undefined,
  });
  return app;
}

function page(a: App, localAddress = '127.0.0.1'): Promise<Client> {
  const c: Client = connect(a.url, {
    transports: ['websocket'],
    reconnection: false,
    localAddress,
  } as Parameters<typeof connect>[1]);
  clients.push(c);
  return new Promise((resolve, reject) => {
    c.once('connect', () => resolve(c));
    c.once('connect_error', reject);
  });
}

/** Tokens a bucket of `rate` a second can have refilled since `since` (rounded up). */
const refilled = (since: number, rate: number) => Math.ceil(((Date.now() - since) / 1000) * rate);

const send = (c: Client, message: string) =>
  c.timeout(5000).emitWithAck('send', { transport: 'udp', message });

describe('hub limits', () => {
  it('refuses sends past the per-page rate with one line, and lets another page send', async () => {
    const a = await start('--trigger-rate', '2', '--trigger-rate-total', '100');
    const c = await page(a);
    const started = Date.now();
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((i) => send(c, `m${i}`)));
    // A burst of twice the rate passes, plus what the rate refilled while the sends arrived
    // (one, or more on a busy machine); the rest is refused.
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(4);
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(4 + refilled(started, 2));
    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(0);
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      error: 'Too many sends: wait a second.',
      limit: 'trigger-rate',
    });
    const other = await page(a);
    expect((await send(other, 'mine')).ok).toBe(true);
    // The rate refills: a second later the first page sends again.
    await new Promise((r) => setTimeout(r, 600));
    expect((await send(c, 'again')).ok).toBe(true);
  });

  it('refuses sends past the whole-class rate, whichever page sends', async () => {
    const a = await start('--trigger-rate', '100', '--trigger-rate-total', '2');
    const pages = await Promise.all([1, 2, 3].map(() => page(a)));
    const started = Date.now();
    const results = await Promise.all(
      pages.flatMap((c) => [send(c, 'a'), send(c, 'b'), send(c, 'c')]),
    );
    // A burst of 4 passes (plus what the rate refilled meanwhile), whichever page sent them.
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(4);
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(4 + refilled(started, 2));
    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(0);
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ limit: 'trigger-rate-total' });
    }
  });

  it('refuses a page past the connections of one address with a connect_error naming the limit', async () => {
    const a = await start('--max-page-connections', '2');
    await page(a, '127.0.0.2');
    await page(a, '127.0.0.2');
    await expect(page(a, '127.0.0.2')).rejects.toThrow(
      'Too many pages open from 127.0.0.2 (at most 2); close one and reload.',
    );
    // Another address is counted on its own, and a closed page frees its place.
    await page(a, '127.0.0.3');
    clients[0]!.close();
    await until(() => a.io.of('/').sockets.size === 2, 'the server saw the page close');
    await page(a, '127.0.0.2');
  });

  it('answers a join with one page of records, and the page asks for the rest', async () => {
    const a = await start('--read-rate', '3');
    for (let i = 0; i < JOIN_PAGE * 2 + 10; i++) {
      a.live.append(readStep(i));
    }
    const c = await page(a);
    const joined = Date.now();
    let after = 0;
    const sizes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await c.timeout(5000).emitWithAck('join', { session: 'live', after });
      if (!res.ok) throw new Error(res.error);
      sizes.push(res.records.length);
      after = res.records.at(-1)!.recNo;
    }
    const first = a.live.info().lastRecNo - (JOIN_PAGE * 2 + 10);
    expect(sizes).toEqual([JOIN_PAGE, JOIN_PAGE, 10 + first]);
    // Joins past the rate (3 a second, bursts of 6) are refused with one line: of the burst's 6,
    // 3 went on the joins above, give or take what the rate refilled since.
    const more = await Promise.all(
      Array.from({ length: 10 }, () =>
        c.timeout(5000).emitWithAck('join', { session: 'live', after }),
      ),
    );
    expect(more.filter((r) => r.ok).length).toBeLessThanOrEqual(3 + refilled(joined, 3));
    expect(more.filter((r) => !r.ok).length).toBeGreaterThan(0);
    expect(more.find((r) => !r.ok)).toEqual({
      ok: false,
      error: 'Too many requests for records: wait a second.',
      limit: 'read-rate',
    });
  });

  it('answers a range of records by number, of one conversation, and refuses a bad one', async () => {
    const a = await start();
    const base = a.live.info().lastRecNo;
    for (let i = 0; i < 30; i++) a.live.append({ ...readStep(i), conv: `c${i % 3}` });
    const c = await page(a);
    const res: RangeResult = await c
      .timeout(5000)
      .emitWithAck('range', { session: 'live', from: base + 1, to: base + 30, conv: 'c1' });
    if (!res.ok) throw new Error(res.error);
    expect(res.records.map((r) => r.recNo - base)).toEqual([2, 5, 8, 11, 14, 17, 20, 23, 26, 29]);
    expect(res.next).toBeNull();
    const all: RangeResult = await c
      .timeout(5000)
      .emitWithAck('range', { session: 'live', from: base + 3, to: base + 5 });
    expect(all.ok && all.records.map((r) => r.recNo - base)).toEqual([3, 4, 5]);
    const bad = await c
      .timeout(5000)
      .emitWithAck('range', { session: 'live', from: 9, to: 2 } as never);
    expect(bad).toEqual({ ok: false, error: 'Invalid request: from is after to.' });
    const forged = await c
      .timeout(5000)
      .emitWithAck('range', { session: 'live', from: 1, to: '9' } as never);
    expect(forged.ok).toBe(false);
    expect(await c.timeout(5000).emitWithAck('range', { session: 'nope', from: 1, to: 2 })).toEqual(
      { ok: false, error: 'No session named "nope".' },
    );
  });
});
