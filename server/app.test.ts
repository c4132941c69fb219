/** Integration: real echo endpoints, real sockets on loopback, a real socket.io client. */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  Hello,
  JoinResult,
  SendResult,
  ServerToClientEvents,
  SessionRecord,
  SocketStep,
} from '../core/protocol.ts';
import type { ConversationSummary } from '../core/analysis/conversation-summary.ts';
import { unpackBatch } from '../core/unpack-batch.ts';
import { startApp, type App } from './app.ts';
import { parseServeArgs } from './cli/serve-args.ts';
import { until } from './testdata/until.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: App;
beforeAll(async () => {
  app = await startApp(parseServeArgs(['--port', '0', '--echo-port', '0']));
});
afterAll(() => app?.close());

/** A page-like client: joins 'live' and collects records in order, re-joining after reconnects. */
function page(): {
  socket: Client;
  records: SessionRecord[];
  summaries: Map<string, ConversationSummary>;
  hello: Promise<Hello>;
  ready: Promise<void>;
} {
  const socket: Client = connect(app.url, { transports: ['websocket'], reconnectionDelay: 50 });
  const records: SessionRecord[] = [];
  const summaries = new Map<string, ConversationSummary>();
  const keep = (list: ConversationSummary[]) => list.forEach((s) => summaries.set(s.conv, s));
  const lastRecNo = () => records.at(-1)?.recNo ?? 0;
  const take = (rs: SessionRecord[]) => {
    for (const r of rs) if (r.recNo > lastRecNo()) records.push(r);
  };
  let markReady: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  socket.on('connect', () => {
    socket.emit('join', { session: 'live', after: lastRecNo() }, (res: JoinResult) => {
      if (!res.ok) throw new Error(res.error);
      take(res.records);
      keep(res.summaries);
      markReady();
    });
  });
  socket.on('records', (b) => {
    const batch = unpackBatch(b.packed);
    take(batch.records);
    keep(batch.summaries);
  });
  const hello = new Promise<Hello>((r) => socket.once('hello', r));
  return { socket, records, summaries, hello, ready };
}

function send(socket: Client, transport: 'tcp' | 'udp', message: unknown): Promise<SendResult> {
  return socket.timeout(8000).emitWithAck('send', { transport, message } as never);
}

const steps = (rs: SessionRecord[], conv: string) =>
  rs.filter((r): r is SocketStep & { recNo: number } => r.type === 'step' && r.conv === conv);

describe('live session over socket.io', () => {
  it('draws a TCP exchange of the built-in client: both sides, in order, with texts', async () => {
    const p = page();
    const hello = await p.hello;
    expect(hello.echo.port).toBe(app.echo.port);
    await p.ready;
    const res = await send(p.socket, 'tcp', 'hello, I am A');
    expect(res).toMatchObject({ ok: true, reply: 'Hello A, I am B. you msg is : hello, I am A\n' });
    if (!res.ok) return;
    await until(() => steps(p.records, res.conv).filter((s) => s.kind === 'close').length === 2);
    const conv = steps(p.records, res.conv);
    const client = conv.filter((s) => s.side === 'client').map((s) => s.kind);
    const server = conv.filter((s) => s.side === 'server').map((s) => s.kind);
    expect(client).toEqual(['connect', 'write', 'read', 'peer-end', 'end', 'close']);
    expect(server).toEqual(['accept', 'read', 'write', 'end', 'peer-end', 'close']);
    const read = conv.find((s) => s.side === 'server' && s.kind === 'read')!;
    expect(read.preview?.text).toBe('hello, I am A');
    expect(read.bytes).toBe(13);
    // record numbers are consecutive and times never go backwards within the conversation's sides
    const recNos = p.records.map((r) => r.recNo);
    expect(recNos).toEqual(recNos.map((_, i) => recNos[0]! + i));
    expect(conv.find((s) => s.kind === 'connect')!.durationUs).toBeGreaterThan(0);
    // The batches carried the conversation's summary, counted on the server as records arrived.
    expect(p.summaries.get(res.conv)).toMatchObject({
      transport: 'tcp',
      origin: 'builtin',
      steps: 12,
      bytesC2S: 13,
      bytesS2C: 'Hello A, I am B. you msg is : hello, I am A\n'.length,
      lastRecNo: Math.max(...conv.map((s) => s.recNo)),
    });
    const late = page();
    await late.ready;
    expect(late.summaries.get(res.conv)).toEqual(p.summaries.get(res.conv));
    late.socket.close();
    p.socket.close();
  });

  it('draws a UDP exchange with the sender named in the reply', async () => {
    const p = page();
    await p.ready;
    const res = await send(p.socket, 'udp', 'ping');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.reply).toMatch(/^Hello 127\.0\.0\.1:\d+, I am Server\. your msg : ping\n$/);
    await until(() => steps(p.records, res.conv).length >= 4);
    const kinds = steps(p.records, res.conv).map((s) => `${s.side}:${s.kind}`);
    expect(kinds).toEqual([
      'client:udp-send',
      'server:udp-recv',
      'server:udp-send',
      'client:udp-recv',
      'client:close',
    ]);
    p.socket.close();
  });

  it('a second page sees the first page’s exchange live', async () => {
    const a = page();
    const b = page();
    await Promise.all([a.ready, b.ready]);
    const res = await send(a.socket, 'tcp', 'seen by b');
    if (!res.ok) throw new Error(res.error);
    await until(() =>
      steps(b.records, res.conv).some((s) => s.side === 'server' && s.kind === 'close'),
    );
    expect(
      steps(b.records, res.conv).find((s) => s.kind === 'read' && s.side === 'server')?.preview
        ?.text,
    ).toBe('seen by b');
    a.socket.close();
    b.socket.close();
  });

  it('draws an outside client (not the built-in one)', async () => {
    const p = page();
    await p.ready;
    const reply = await new Promise<string>((resolve, reject) => {
      const s = net.connect(app.echo.port, '127.0.0.1', () => s.end('from outside'));
      let got = '';
      s.on('data', (d) => (got += d));
      s.on('close', () => resolve(got));
      s.on('error', reject);
    });
    expect(reply).toBe('Hello A, I am B. you msg is : from outside\n');
    await until(() =>
      p.records.some(
        (r) => r.type === 'step' && r.kind === 'read' && r.preview?.text === 'from outside',
      ),
    );
    const read = p.records.find(
      (r) => r.type === 'step' && r.preview?.text === 'from outside',
    ) as SocketStep;
    const kinds = steps(p.records, read.conv).map((s) => s.kind);
    expect(kinds.slice(0, 2)).toEqual(['accept', 'read']);
    p.socket.close();
  });

  it('resumes after the transport is cut, with no gap and no duplicate', async () => {
    const p = page();
    await p.ready;
    const before = p.records.length;
    // Cut the transport underneath socket.io; it reconnects by itself.
    p.socket.io.engine.close();
    const other = page(); // another page makes traffic meanwhile
    await send(other.socket, 'tcp', 'while cut');
    other.socket.close();
    await until(() => p.records.some((r) => r.type === 'step' && r.preview?.text === 'while cut'));
    const recNos = p.records.map((r) => r.recNo);
    expect(new Set(recNos).size).toBe(recNos.length);
    expect(recNos).toEqual(recNos.map((_, i) => recNos[0]! + i));
    expect(p.records.length).toBeGreaterThan(before);
    p.socket.close();
  });

  it.each([
    { name: 'empty message', message: '', error: 'Type a message first.' },
    { name: 'too long', message: 'x'.repeat(1025), error: /at most 1024/ },
    { name: 'not a string', message: 42, error: /Invalid request: message/ },
  ])('rejects bad sends with one line: $name', async ({ message, error }) => {
    const p = page();
    await p.ready;
    const res = await send(p.socket, 'tcp', message);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(error);
    p.socket.close();
  });

  it('rejects a bad join and an unknown transport without crashing', async () => {
    const p = page();
    await p.ready;
    const j = (await p.socket
      .timeout(3000)
      .emitWithAck('join', { session: 'nope', after: 0 })) as JoinResult;
    expect(j).toEqual({ ok: false, error: 'No session named "nope".' });
    const bad = (await p.socket
      .timeout(3000)
      .emitWithAck('join', { session: 'live', after: -1 } as never)) as JoinResult;
    expect(bad.ok).toBe(false);
    const res = await p.socket
      .timeout(3000)
      .emitWithAck('send', { transport: 'sctp', message: 'x' } as never);
    expect(res.ok).toBe(false);
    p.socket.close();
  });
});
