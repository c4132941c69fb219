/**
 * Integration: every socket.io handler of a real page server goes through GuardedEvents — viewers'
 * forged privileged emits change nothing, throws and bad payloads become one-line refusals, and a
 * seeded flood of random events leaves the server answering a normal send.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../core/protocol.ts';
import { mulberry32 } from '../../core/random/mulberry32.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import {
  EVENT_RULES,
  GUARDED,
  GuardedEvents,
  PRESENTER_EVENTS,
  type EventName,
  type PresenterEvent,
} from './guarded-events.ts';
import type { HubServer } from './hub-server.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: App;
const logged: string[] = [];
beforeAll(async () => {
  const opts = parseServeArgs(['--port', '0', '--echo-port', '0']);
  app = await startApp({ ...opts, log: (line) => logged.push(line) });
  // Plays the role middleware: pages that say so in their handshake are viewers.
  app.io.use((socket, next) => {
    if ((socket.handshake.auth as { role?: string }).role === 'viewer') socket.data.role = 'viewer';
    next();
  });
});
afterAll(async () => {
  await app?.close();
});

async function page(viewer = false): Promise<Client> {
  const c: Client = connect(app.url, {
    transports: ['websocket'],
    reconnection: false,
    auth: viewer ? { role: 'viewer' } : {},
  });
  await new Promise<void>((resolve, reject) => {
    c.once('connect', resolve);
    c.once('connect_error', reject);
  });
  return c;
}

/** A valid request for each presenter event: what a viewer's forged page would send. */
const FORGED: Record<PresenterEvent, unknown> = {
  send: { transport: 'tcp', message: 'forged' },
  runScenario: { id: 'classic' },
  presenterView: { session: 'live', conv: '*', selected: null, replay: null, show: 'both' },
  quizAsk: {
    session: 'live',
    conv: 'tcp 127.0.0.1:1 > 127.0.0.1:2',
    afterRecNo: 1,
    next: { from: 'client', flags: 'SYN', recNo: 2 },
  },
  quizReveal: { id: 'quiz-1' },
  quizClose: { id: 'quiz-1' },
  newSession: { name: 'forged' },
  renameSession: { session: 'live', name: 'forged' },
  deleteSession: { session: 'live' },
  rosterClear: { archive: true },
  rosterArchive: { id: 'archive-1' },
};

describe('guarded socket.io events', () => {
  it('registers every listener of a page through the guard, one per event of the contract', async () => {
    const c = await page();
    const server = app.io.of('/').sockets.get(c.id!)!;
    const reserved = new Set(['disconnect', 'disconnecting', 'error']);
    const names = server.eventNames().filter((n) => !reserved.has(String(n)));
    expect(names.sort()).toEqual(Object.keys(EVENT_RULES).sort());
    for (const n of names) {
      const listeners = server.listeners(n as EventName) as unknown as Record<symbol, unknown>[];
      expect(listeners).toHaveLength(1);
      expect(listeners[0]![GUARDED]).toBe(true);
    }
    c.close();
  });

  it("says hello with each page's role", async () => {
    const hellos = await Promise.all(
      [false, true].map(async (viewer) => {
        const c: Client = connect(app.url, {
          transports: ['websocket'],
          auth: viewer ? { role: 'viewer' } : {},
        });
        const h = await new Promise((r) => c.once('hello', r));
        c.close();
        return h;
      }),
    );
    expect(hellos.map((h) => (h as { role: string }).role)).toEqual(['presenter', 'viewer']);
  });

  it.each(PRESENTER_EVENTS.map((event) => ({ event })))(
    "refuses a viewer's forged $event and changes nothing",
    async ({ event }) => {
      const viewer = await page(true);
      const presenter = await page();
      const heard: string[] = [];
      presenter.on('presenterView', () => heard.push('presenterView'));
      presenter.on('quiz', (q) => heard.push(`quiz ${q?.id}`));
      presenter.on('sessions', () => heard.push('sessions'));
      presenter.on('roster', (u) => heard.push(`roster reset ${u.reset}`));
      // What is sent on connection comes before the answer to a first request.
      await presenter.timeout(30_000).emitWithAck('scenarios');
      heard.length = 0;
      const before = app.live.info().lastRecNo;
      const queuedBefore = (await viewer.timeout(5000).emitWithAck('scenarios')).runs.length;
      const res = await (viewer.timeout(5000) as unknown as Client).emitWithAck(
        event,
        FORGED[event] as never,
      );
      expect(res).toEqual({
        ok: false,
        error: 'Only the presenter can do this; this page is a viewer.',
        limit: 'viewer',
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(app.live.info().lastRecNo).toBe(before);
      expect(app.live.info()).toMatchObject({ id: 'live', title: 'Live: echo endpoints' });
      expect(heard).toEqual([]);
      presenter.close();
      expect((await viewer.timeout(5000).emitWithAck('scenarios')).runs).toHaveLength(queuedBefore);
      expect(logged.at(-1)).toMatch(new RegExp(`refused "${event}" from 127\\.0\\.0\\.1 .*viewer`));
      viewer.close();
    },
  );

  it('survives a seeded flood of random events and payloads, then a send still works', async () => {
    const random = mulberry32(0x5eed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const names = [
      ...Object.keys(EVENT_RULES),
      'hello',
      'records',
      'join ',
      '__proto__',
      'constructor',
    ];
    const junk = (depth: number): unknown => {
      switch (Math.floor(random() * 10)) {
        case 0:
          return undefined;
        case 1:
          return null;
        case 2:
          return random() * 1e9 - 5e8;
        case 3:
          return 'x'.repeat(Math.floor(random() * (random() < 0.1 ? 80_000 : 8_000)));
        case 4:
          return depth > 4 ? [] : Array.from({ length: 3 }, () => junk(depth + 1));
        case 5:
          return depth > 4 ? {} : { session: junk(depth + 1), after: junk(depth + 1) };
        case 6:
          return { transport: pick(['tcp', 'udp', 'sctp']), message: junk(depth + 1) };
        case 7:
          return { id: pick(['classic', 'concurrent', 'nope']), clients: junk(depth + 1) };
        case 8:
          return { __proto__: { polluted: true }, constructor: 'x' };
        default:
          return String.fromCodePoint(Math.floor(random() * 0x10ffff) & 0xd7ff);
      }
    };
    const randomName = () =>
      random() < 0.7
        ? pick(names)
        : Array.from({ length: 1 + Math.floor(random() * 20) }, () =>
            String.fromCharCode(33 + Math.floor(random() * 90)),
          ).join('');
    const fuzzers = await Promise.all([page(), page(), page(true)]);
    const EVENTS = 3000;
    let withAck = 0;
    let acked = 0;
    let lost = 0;
    let refused = 0;
    const started = Date.now();
    const acks: Promise<void>[] = [];
    let dropped = 0;
    let sent = 0;
    for (let i = 0; i < EVENTS && Date.now() - started < 60_000; i++, sent++) {
      const which = Math.floor(random() * fuzzers.length);
      // A message over the size limit ends that connection (socket.io's rule): come back.
      if (!fuzzers[which]!.connected) {
        dropped++;
        fuzzers[which] = await page(which === 2);
      }
      const socket = fuzzers[which]!;
      const c = socket as unknown as {
        emit(e: string, ...a: unknown[]): void;
      };
      const args = Array.from({ length: Math.floor(random() * 3) }, () => junk(0));
      const shape = random();
      if (shape < 0.5) {
        withAck++;
        acks.push(
          new Promise<void>((resolve) => {
            // Every ack comes back, unless its connection was ended for an oversized message.
            const lose = () => {
              lost++;
              resolve();
            };
            socket.once('disconnect', lose);
            c.emit(randomName(), ...args, (res: unknown) => {
              socket.off('disconnect', lose);
              acked++;
              if ((res as { ok?: boolean } | null)?.ok === false) refused++;
              resolve();
            });
          }),
        );
      } else if (shape < 0.75) {
        c.emit(randomName(), ...args, pick([42, 'ack', null, { then: 1 }]));
      } else {
        c.emit(randomName(), ...args);
      }
      if (i % 200 === 0) await new Promise((r) => setImmediate(r));
    }
    await Promise.all(acks);
    console.log(
      `fuzz: ${sent} events, ${withAck} with an ack: ${acked} answered (${refused} refused), ` +
        `${lost} lost with ${dropped} connections ended for size`,
    );
    // Every event is sent unless a very busy machine reaches the time bound first.
    expect(sent).toBeGreaterThan(EVENTS / 3);
    expect(acked + lost).toBe(withAck);
    expect(acked).toBeGreaterThan(sent / 10);
    expect(refused).toBeGreaterThan(sent / 10);
    expect(dropped).toBeLessThan(50);
    for (const c of fuzzers) c.close();
    // The whole-server trigger rate refills within a second.
    await new Promise((r) => setTimeout(r, 1500));
    const normal = await page();
    const res = await normal.timeout(5000).emitWithAck('send', { transport: 'tcp', message: 'hi' });
    expect(res).toMatchObject({ ok: true, reply: 'Hello A, I am B. you msg is : hi\n' });
    normal.close();
  }, 180_000);
});

describe('GuardedEvents on a bare socket.io server', () => {
  it('turns a throw or a rejection into a one-line refusal and one log line, never a crash', async () => {
    const lines: string[] = [];
    const httpServer = http.createServer();
    const io: HubServer = new Server(httpServer);
    const events = new GuardedEvents(
      { triggersPerClient: 100, triggersTotal: 100, readsPerClient: 100 },
      (l) => lines.push(l),
    );
    io.on('connection', (socket) => {
      events.on(socket, 'send', z.any(), () => {
        throw new Error('boom\nwith a second line');
      });
      events.on(socket, 'join', z.any(), () => Promise.reject(new Error('later boom')));
    });
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
    const { port } = httpServer.address() as AddressInfo;
    const c: Client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
    const sent = await c.timeout(5000).emitWithAck('send', { transport: 'tcp', message: 'x' });
    const joined = await c.timeout(5000).emitWithAck('join', { session: 'live', after: 0 });
    expect(sent).toEqual({
      ok: false,
      error: 'The server could not do "send": boom with a second line',
    });
    expect(joined).toEqual({ ok: false, error: 'The server could not do "join": later boom' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^refused "send" from 127\.0\.0\.1 \(.+\): The server could not do/);
    c.close();
    await io.close();
  });
});
