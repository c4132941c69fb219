/**
 * Records leave the hub in batches per tick: a burst appended in one turn of the event loop is one
 * message per session room, encoded once for all its viewers; records that keep coming go out at
 * most once every FLUSH_MS, whatever their rate. Real socket.io server and clients on loopback.
 */
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CorrectionBatch,
  ServerToClientEvents,
  SocketStep,
} from '../../core/protocol.ts';
import type { Batch } from '../../core/packed-batch.ts';
import { unpackBatch } from '../../core/unpack-batch.ts';
import { Hub } from './hub.ts';
import type { HubServer } from './hub-server.ts';
import { FLUSH_MS } from './record-batcher.ts';
import { GuardedEvents } from './guarded-events.ts';
import { Session } from './session.ts';
import { echoSession } from '../../core/export/testdata/echo-session.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const step = (n: number): Omit<SocketStep, 'recNo'> => ({
  type: 'step',
  kind: 'udp-recv',
  time: 1_700_000_000_000_000 + n,
  side: 'server',
  transport: 'udp',
  local: { address: '127.0.0.1', port: 23333 },
  remote: { address: '127.0.0.1', port: 40000 },
  conv: 'udp 127.0.0.1:40000 > 127.0.0.1:23333',
  bytes: 8,
});

let server: http.Server;
let io: HubServer;
let hub: Hub;
let live: Session;
let url: string;
/** Broadcasts the adapter was asked for (each is encoded once for every socket in the room). */
let broadcasts = 0;
const clients: Client[] = [];

beforeAll(async () => {
  server = http.createServer();
  io = new Server(server, { serveClient: false });
  const limits = { triggersPerClient: 100, triggersTotal: 100, readsPerClient: 100 };
  hub = new Hub(io, {
    events: new GuardedEvents(limits, () => undefined),
    echo: { host: '127.0.0.1', port: 23333 },
    capture: () => ({ state: 'off' }) as never,
    send: () => Promise.resolve({ ok: false, error: 'not here' }),
    maxRecords: 100_000,
    maxFileSessions: 1,
  });
  live = new Session('live', 'live', 'Live', 0, 100_000);
  hub.addSession(live);
  const adapter = io.of('/').adapter;
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    if ((packet.data as unknown[])[0] === 'records') broadcasts++;
    broadcast(packet, opts);
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await io.close();
});

/** A viewer joined to the live session, with every records batch it gets. */
async function viewer(): Promise<Batch[]> {
  const c: Client = connect(url, { transports: ['websocket'], reconnection: false });
  clients.push(c);
  const batches: Batch[] = [];
  c.on('records', (b) => batches.push(unpackBatch(b.packed)));
  await new Promise((r) => c.once('hello', r));
  const res = await c.timeout(5000).emitWithAck('join', {
    session: 'live',
    after: live.info().lastRecNo,
  });
  expect(res.ok).toBe(true);
  return batches;
}

async function until(done: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe('hub batching', () => {
  it('sends 500 records appended in one turn as one message per room, not 500', async () => {
    const views = [await viewer(), await viewer(), await viewer()];
    await new Promise((r) => setTimeout(r, FLUSH_MS * 2)); // past the last batch's tick
    broadcasts = 0;
    const first = live.info().lastRecNo + 1;
    for (let i = 0; i < 500; i++) live.append(step(i));
    await until(() => views.every((v) => v.length > 0));
    await new Promise((r) => setTimeout(r, FLUSH_MS * 3));
    expect(broadcasts).toBe(1);
    for (const v of views) {
      expect(v).toHaveLength(1);
      expect(v[0]!.records.map((r) => r.recNo)).toEqual(
        Array.from({ length: 500 }, (_, i) => first + i),
      );
      // The conversation's summary comes once with the batch, not once per record.
      expect(v[0]!.summaries).toHaveLength(1);
      expect(v[0]!.summaries[0]).toMatchObject({ lastRecNo: first + 499 });
    }
  });

  it('sends records that keep coming once per tick, in order, however many turns they span', async () => {
    const batches = await viewer();
    await new Promise((r) => setTimeout(r, FLUSH_MS * 2));
    broadcasts = 0;
    const first = live.info().lastRecNo + 1;
    const started = performance.now();
    let appended = 0;
    // One record every turn of the event loop for 200 ms: thousands of turns.
    await new Promise<void>((resolve) => {
      const next = () => {
        live.append(step(appended++));
        if (performance.now() - started < 200) setImmediate(next);
        else resolve();
      };
      next();
    });
    const elapsed = performance.now() - started;
    await until(() => batches.reduce((n, b) => n + b.records.length, 0) >= appended);
    const got = batches.flatMap((b) => b.records.map((r) => r.recNo));
    expect(got).toEqual(Array.from({ length: appended }, (_, i) => first + i));
    // At most one batch per FLUSH_MS (a timer may fire up to 1 ms early by the other clock).
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(elapsed / (FLUSH_MS - 1)) + 2);
    expect(broadcasts).toBe(batches.length);
    expect(appended).toBeGreaterThan(50);
  });

  it('sends the corrections of a new live session that took the place of the old one', async () => {
    const c: Client = connect(url, { transports: ['websocket'], reconnection: false });
    clients.push(c);
    const corrections: CorrectionBatch[] = [];
    c.on('corrections', (b) => corrections.push(b));
    await new Promise((r) => c.once('hello', r));
    expect((await c.timeout(5000).emitWithAck('join', { session: 'live', after: 0 })).ok).toBe(
      true,
    );
    const fresh = new Session('live', 'live', 'Live', 0, 100_000);
    hub.replaceSession(live, 'before', fresh);
    const packet = echoSession().records.find((r) => r.type === 'packet' && r.analysis);
    if (packet?.type !== 'packet' || !packet.analysis) throw new Error('no analysed packet');
    const recNo = fresh.append(packet).recNo;
    const analysis = { ...packet.analysis, flags: [] };
    fresh.correct(recNo, analysis);
    await until(() => corrections.length > 0);
    expect(corrections).toEqual([{ session: 'live', records: [{ recNo, analysis }] }]);
  });
});
