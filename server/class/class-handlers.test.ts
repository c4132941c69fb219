/** Integration: the presenter's view and the quiz over a real socket.io server and clients. */
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../core/protocol.ts';
import type { PresenterView, QuizAskResult, QuizView } from '../../core/class/class-protocol.ts';
import type { HubServer } from '../hub/hub-server.ts';
import { GuardedEvents } from '../hub/guarded-events.ts';
import { attachClassroom } from './class-handlers.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: http.Server;
let io: HubServer;
let url: string;
const clients: Client[] = [];

beforeAll(async () => {
  server = http.createServer();
  io = new Server(server, { serveClient: false }) as HubServer;
  // Stands in for the token middleware: the handshake says which role the page has.
  io.use((socket, next) => {
    socket.data.role = socket.handshake.auth['role'] === 'viewer' ? 'viewer' : 'presenter';
    next();
  });
  const events = new GuardedEvents(
    { triggersPerClient: 2, triggersTotal: 20, readsPerClient: 10 },
    () => undefined,
  );
  attachClassroom(io, events, {
    viewerUrls: () => ({ urls: ['http://127.0.0.1:1/'], loopbackOnly: true }),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await new Promise<void>((r) => void io.close(() => r()));
});

async function open(role: 'presenter' | 'viewer', viewer?: string): Promise<Client> {
  const c: Client = connect(url, {
    transports: ['websocket'],
    auth: { role, ...(viewer ? { viewer } : {}) },
  });
  clients.push(c);
  await new Promise<void>((r) => c.once('connect', () => r()));
  return c;
}

function next<T>(c: Client, event: 'quiz' | 'presenterView', ok: (v: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), 3000);
    const on = (v: T) => {
      if (!ok(v)) return;
      clearTimeout(timer);
      c.off(event, on as never);
      resolve(v);
    };
    c.on(event, on as never);
  });
}

const VIEW: PresenterView = {
  session: 'live',
  conv: 'tcp 127.0.0.1:50000 > 127.0.0.1:23333',
  selected: 4,
  replay: { recNo: 4, playing: false, speed: 1, reveal: true },
  show: 'both',
};

describe('presenter view', () => {
  it('reaches every page, and a page that connects later gets it at once', async () => {
    const presenter = await open('presenter');
    const viewer = await open('viewer');
    const heard = next<PresenterView>(viewer, 'presenterView', (v) => v.selected === 4);
    expect(await presenter.timeout(2000).emitWithAck('presenterView', VIEW)).toEqual({ ok: true });
    expect(await heard).toEqual(VIEW);
    const late = connect(url, { transports: ['websocket'], auth: { role: 'viewer' } }) as Client;
    clients.push(late);
    expect(await next<PresenterView>(late, 'presenterView', () => true)).toEqual(VIEW);
  });

  it("refuses a viewer's forged view and a malformed one", async () => {
    const viewer = await open('viewer');
    const forged = { ...VIEW, selected: 9 };
    expect(await viewer.timeout(2000).emitWithAck('presenterView', forged)).toEqual({
      ok: false,
      error: 'Only the presenter can do this; this page is a viewer.',
      limit: 'viewer',
    });
    const presenter = await open('presenter');
    const bad = await presenter
      .timeout(2000)
      .emitWithAck('presenterView', { ...VIEW, replay: { ...VIEW.replay!, speed: 99 } });
    expect(bad.ok).toBe(false);
  });
});

describe('quiz', () => {
  it('counts one answer per viewer, keeps the answer from viewers until revealed', async () => {
    const presenter = await open('presenter');
    const a = await open('viewer', 'viewer-aaaa');
    const b = await open('viewer', 'viewer-bbbb');
    const seenByA = next<QuizView | null>(a, 'quiz', (q) => q?.state === 'open');
    const asked: QuizAskResult = await presenter.timeout(2000).emitWithAck('quizAsk', {
      session: 'live',
      conv: VIEW.conv,
      afterRecNo: 3,
      next: { from: 'server', flags: 'SYN,ACK', recNo: 5 },
    });
    if (!asked.ok) throw new Error(asked.error);
    const q = (await seenByA)!;
    expect(q.choices).toHaveLength(4);
    expect(q.answer).toBeUndefined();
    expect(q.counts).toBeUndefined();
    const right = asked.quiz.choices.findIndex(
      (c: { from: string; flags: string }) => c.from === 'server' && c.flags === 'SYN,ACK',
    );
    const wrong = (right + 1) % 4;

    const tally = next<QuizView | null>(presenter, 'quiz', (v) => v?.answered === 2);
    expect(await a.timeout(2000).emitWithAck('quizAnswer', { id: q.id, choice: right })).toEqual({
      ok: true,
      outcome: 'counted',
      choice: right,
    });
    // A second answer from the same viewer, even on a new connection, is not counted.
    const a2 = await open('viewer', 'viewer-aaaa');
    expect(await a2.timeout(2000).emitWithAck('quizAnswer', { id: q.id, choice: wrong })).toEqual({
      ok: true,
      outcome: 'again',
      choice: right,
    });
    await b.timeout(2000).emitWithAck('quizAnswer', { id: q.id, choice: wrong });
    const live = (await tally)!;
    expect(live.counts![right]).toBe(1);
    expect(live.counts![wrong]).toBe(1);
    expect(live.answer).toBeUndefined();

    // Viewers cannot reveal; the presenter cannot answer.
    expect((await b.timeout(2000).emitWithAck('quizReveal', { id: q.id })).ok).toBe(false);
    expect(
      (await presenter.timeout(2000).emitWithAck('quizAnswer', { id: q.id, choice: 0 })).ok,
    ).toBe(false);

    const revealed = next<QuizView | null>(b, 'quiz', (v) => v?.state === 'revealed');
    await presenter.timeout(2000).emitWithAck('quizReveal', { id: q.id });
    const shown = (await revealed)!;
    expect(shown.answer).toBe(right);
    expect(shown.nextRecNo).toBe(5);
    expect(shown.counts).toEqual(live.counts);
    const late = await a.timeout(2000).emitWithAck('quizAnswer', { id: q.id, choice: right });
    expect(late).toEqual({ ok: false, error: 'Answers are closed for this question.' });

    const closed = next<QuizView | null>(a, 'quiz', (v) => v?.state === 'closed');
    await presenter.timeout(2000).emitWithAck('quizClose', { id: q.id });
    expect((await closed)!.state).toBe('closed');
  });

  it('answers a malformed or missing-ack message without dying', async () => {
    const viewer = await open('viewer', 'viewer-cccc');
    (viewer as unknown as { emit(e: string, d: unknown): void }).emit('quizAnswer', { id: 5 });
    expect((await viewer.timeout(2000).emitWithAck('quizAnswer', { id: 'x', choice: -1 })).ok).toBe(
      false,
    );
    expect(
      (await viewer.timeout(2000).emitWithAck('quizAnswer', { id: 'nope', choice: 1 })).ok,
    ).toBe(false);
  });
});
