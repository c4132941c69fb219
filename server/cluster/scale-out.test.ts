/**
 * Integration: a real redis-server on a free loopback port and two real server processes on it,
 * A capturing its echo's packets with tcpdump (a page on B holds the same records, field for
 * field, as one on A, whether they came live, in a join or by range). The viewers are the page's
 * own Connection (record feed, joins, catching up) over socket.io-client: a viewer on each
 * process sees the same live exchange in the same order, and B's viewer picks A's live session
 * and reads older records of it by range; a client that connects to A's echo again from the same
 * address and port is a second conversation (`… #2`), taps and packets, for viewers on A and on
 * B; a viewer on B sees a scenario the presenter runs on A and follows the presenter's view;
 * viewers on A and B answer the presenter's question and every presenter sees the tally; a
 * presenter on B renames and deletes a session A owns; Redis killed and started again mid-test:
 * both processes keep serving their own pages, and the viewers catch up; a scenario running on A
 * keeps B's presenter from starting a new session until it has ended.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { PresenterView, QuizView } from '../../core/class/class-protocol.ts';
import type { ScenarioStatus, SessionRecord } from '../../core/protocol.ts';
import { Connection } from '../../web/src/lib/connection.svelte.ts';
import type { AppSocket } from '../../web/src/lib/app-socket.ts';
import { Classroom } from '../../web/src/lib/classroom.svelte.ts';
import { sessionOptions } from '../../web/src/lib/session-options.ts';
import { TOKEN_COOKIE } from '../auth/cookies.ts';
import type { SessionListEntry } from '../../core/session-list-entry.ts';
import type { SharedSession } from '../http/share-upload.ts';
import { echoCopies } from '../sessions/testdata/echo-copies.ts';
import { connectRedis } from './redis-link.ts';
import { startRedisServer, type RedisServer } from './testdata/redis-server.ts';
import { startServerProcess, type ServerProcess } from './testdata/server-process.ts';
import { until } from '../testdata/until.ts';
import { conversationId } from '../../core/conversation-id.ts';
import type { Endpoint } from '../../core/protocol.ts';
import { freeTcpPort } from '../scenarios/free-port.ts';

let redis: RedisServer | undefined;
let a: ServerProcess | undefined;
let b: ServerProcess | undefined;
const pages: Connection[] = [];
/** Every process is given it: pages carrying it are presenters, the others viewers. */
const TOKEN = 'scale-out-test-token-0123456789';
const PRESENTER = { cookie: `${TOKEN_COOKIE}=${TOKEN}` };
const HOST = '127.0.0.1';

beforeAll(async () => {
  redis = await startRedisServer();
  [a, b] = await Promise.all([
    // A captures its echo's packets: records with packets reach B's viewers too.
    startServerProcess(['--redis', redis.url, '--token', TOKEN, '--capture']),
    startServerProcess(['--redis', redis.url, '--token', TOKEN]),
  ]);
}, 240_000);

afterAll(async () => {
  for (const p of pages.splice(0)) p.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
}, 60_000);

/** A page connected to one process, as the browser's page is. */
async function page(
  server: ServerProcess,
  role: 'presenter' | 'viewer' = 'viewer',
): Promise<{ conn: Connection; socket: AppSocket }> {
  const socket: AppSocket = connect(server.url, {
    autoConnect: false,
    transports: ['websocket'],
    ...(role === 'presenter' && { extraHeaders: PRESENTER }),
  });
  const conn = new Connection(socket);
  pages.push(conn);
  conn.start();
  await until(() => conn.hello !== null && conn.session !== null, 'the page joined');
  return { conn, socket };
}

const recNos = (records: readonly SessionRecord[]) => records.map((r) => r.recNo);
/** An untapped client (a student's program) from `localPort`: one message, then the echo closes. */
function outsideExchange(echo: Endpoint, localPort: number, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: HOST, port: echo.port, localAddress: HOST, localPort });
    s.on('error', reject);
    s.on('connect', () => s.write(message));
    s.on('data', () => undefined);
    s.on('end', () => s.end());
    s.on('close', () => resolve());
  });
}

const consecutive = (records: readonly SessionRecord[]) =>
  records.every((r, i) => i === 0 || r.recNo === records[i - 1]!.recNo + 1);

describe('two server processes on one Redis', () => {
  it('show the same live exchange, in order, to a viewer on each; scenarios and the presenter view too', async () => {
    const presenter = await page(a!, 'presenter');
    expect(presenter.conn.role).toBe('presenter');
    const liveA = presenter.conn.liveId;
    expect(liveA).toMatch(/^live-[0-9a-f]{8}$/);
    expect(presenter.conn.cluster?.state).toBe('up');
    const onA = await page(a!);
    const onB = await page(b!);
    expect(onB.conn.liveId).not.toBe(liveA);
    // B lists A's sessions beside its own, and its viewer joins A's live session there.
    await until(() => onB.conn.sessions.some((s) => s.id === liveA), "B lists A's live session");
    // The picker offers it beside B's own live session, as another server's live session.
    expect(
      sessionOptions(onB.conn.sessions, [], onB.conn.liveId).find((o) => o.value === liveA)?.group,
    ).toBe('others');
    onB.conn.view(liveA);

    for (const message of ['first from A', 'second from A', 'third from A']) {
      const res = await presenter.conn.send({ transport: 'tcp', message });
      expect(res.ok).toBe(true);
    }
    const last = () => presenter.conn.store.toArray().at(-1)?.recNo ?? 0;
    await until(
      () =>
        presenter.conn.store.toArray().filter((r) => r.type === 'step' && r.kind === 'close')
          .length >= 6,
      'the three exchanges closed',
    );
    await until(
      () => onA.conn.store.toArray().at(-1)?.recNo === last(),
      'the viewer on A has them all',
    );
    await until(
      () => onB.conn.store.toArray().at(-1)?.recNo === last(),
      'the viewer on B has them all',
    );
    expect(recNos(onB.conn.store.toArray())).toEqual(recNos(onA.conn.store.toArray()));
    expect(onB.conn.store.toArray()).toEqual(onA.conn.store.toArray());
    expect(consecutive(onB.conn.store.toArray())).toBe(true);
    expect(onB.conn.store.toArray()[0]?.recNo).toBe(1);
    const said = onB.conn.store
      .toArray()
      .flatMap((r) =>
        r.type === 'step' && r.kind === 'write' && r.side === 'client' ? [r.preview?.text] : [],
      );
    expect(said.map((s) => s?.slice(0, 5))).toEqual(['first', 'secon', 'third']);
    // Older records by range, as a page scrolling back asks: B has A read them.
    const range = (p: { socket: AppSocket }) =>
      p.socket.timeout(10_000).emitWithAck('range', { session: liveA, from: 2, to: last() - 1 });
    const [rangeA, rangeB] = [await range(onA), await range(onB)];
    expect(rangeB).toEqual(rangeA);
    expect(rangeB.ok && rangeB.records.length).toBe(last() - 2);

    // A scenario the presenter runs on A: its status and its records reach the viewer on B.
    const statuses: ScenarioStatus[] = [];
    onB.socket.on('scenario', (s) => statuses.push(s));
    const run = await presenter.conn.runScenario({ id: 'classic' });
    expect(run.ok).toBe(true);
    await until(() => statuses.some((s) => s.state === 'done'), 'B heard the run end');
    const done = statuses.find((s) => s.state === 'done')!;
    expect(done.verdict?.outcome).toBe('as-expected');
    const conv = done.convs![0]!;
    await until(
      () => presenter.conn.store.toArray().some((r) => r.conv === conv),
      'A shows the run',
    );
    await until(() => onB.conn.store.toArray().at(-1)?.recNo === last(), 'B has the run too');
    expect(onB.conn.store.toArray().filter((r) => r.conv === conv)).toEqual(
      presenter.conn.store.toArray().filter((r) => r.conv === conv),
    );

    // The presenter's view: heard on B now, and told to a page that connects to B later.
    const view: PresenterView = {
      session: liveA,
      conv,
      selected: null,
      replay: null,
      show: 'both',
    };
    const heard: PresenterView[] = [];
    onB.socket.on('presenterView', (v) => heard.push(v));
    const ack = await presenter.conn.request('presenterView', view);
    expect(ack.ok).toBe(true);
    await until(() => heard.length > 0, 'B heard the view');
    expect(heard.at(-1)).toEqual(view);
    const late = connect(b!.url, { transports: ['websocket'] });
    try {
      const told = await new Promise<PresenterView>((resolve) =>
        late.once('presenterView', resolve),
      );
      expect(told).toEqual(view);
    } finally {
      late.close();
    }
  }, 180_000);

  it('shows a client that connects again from the same address and port as a second conversation, on A and on B', async () => {
    const onA = await page(a!);
    const onB = await page(b!);
    const liveA = onA.conn.liveId;
    await until(() => onB.conn.sessions.some((s) => s.id === liveA), "B lists A's live session");
    onB.conn.view(liveA);
    await until(() => onB.conn.session?.id === liveA && !onB.conn.joinError, 'B joined A');

    // A student's own client (untapped), twice from one local port; the echo closes first.
    const localPort = await freeTcpPort(HOST);
    const base = conversationId(
      'tcp',
      { address: HOST, port: localPort },
      { address: HOST, port: a!.echo.port },
    );
    const second = `${base} #2`;
    const serverClosed = (conn: Connection, conv: string) =>
      conn.store
        .toArray()
        .some(
          (r) => r.type === 'step' && r.kind === 'close' && r.side === 'server' && r.conv === conv,
        );
    await outsideExchange(a!.echo, localPort, 'first');
    await until(() => serverClosed(onA.conn, base), 'A closed the first connection');
    await outsideExchange(a!.echo, localPort, 'second');
    for (const [where, p] of [
      ['A', onA],
      ['B', onB],
    ] as const)
      await until(
        () => serverClosed(p.conn, second),
        `${where} shows the second connection closed`,
      );

    // A's capture: each connection's SYN, and the second one's FINs, under its own name.
    const syns = (conn: Connection) =>
      conn.store
        .toArray()
        .filter(
          (r) => r.type === 'packet' && r.conv?.startsWith(base) && r.tcp?.flags.join() === 'SYN',
        );
    const fins = (conn: Connection) =>
      conn.store
        .toArray()
        .filter((r) => r.type === 'packet' && r.conv === second && r.tcp?.flags.includes('FIN'));
    for (const [where, p] of [
      ['A', onA],
      ['B', onB],
    ] as const)
      await until(
        () => syns(p.conn).length === 2 && fins(p.conn).length === 2,
        `${where} shows both connections' packets`,
      );

    for (const { conn } of [onA, onB]) {
      expect(syns(conn).map((r) => r.conv)).toEqual([base, second]);
      const pair = conn.store.toArray().filter((r) => r.conv?.startsWith(base));
      expect(new Set(pair.map((r) => r.conv))).toEqual(new Set([base, second]));
      // Each connection's socket steps come before the next one's (a late packet of the first
      // may be captured after the second's accept), each with its own accept and read.
      const calls = pair.filter((r) => r.type === 'step');
      const firstOfSecond = calls.findIndex((r) => r.conv === second);
      expect(calls.slice(firstOfSecond).every((r) => r.conv === second)).toBe(true);
      const ofKind = (kind: string) =>
        pair.flatMap((r) =>
          r.type === 'step' && r.kind === kind && r.side === 'server' ? [r] : [],
        );
      expect(ofKind('accept').map((r) => r.conv)).toEqual([base, second]);
      expect(ofKind('read').map((r) => [r.conv, r.preview?.text])).toEqual([
        [base, 'first'],
        [second, 'second'],
      ]);
      // The summaries: two conversations, the second one the newer.
      const [s1, s2] = [conn.store.summary(base), conn.store.summary(second)];
      expect(s1?.client).toEqual({ address: HOST, port: localPort });
      expect(s2?.client).toEqual({ address: HOST, port: localPort });
      expect(s1?.connection).toBeUndefined();
      expect(s2?.connection).toBe(2);
      expect(s2!.firstRecNo).toBeGreaterThan(s1!.lastRecNo!);
    }
    const pairOf = (conn: Connection) =>
      conn.store.toArray().filter((r) => r.conv?.startsWith(base));
    expect(pairOf(onB.conn)).toEqual(pairOf(onA.conn));
  }, 120_000);

  it('asks the presenter`s question on every process, counts every viewer`s answer once, and shows the tally to every presenter', async () => {
    const presenterA = await page(a!, 'presenter');
    const presenterB = await page(b!, 'presenter');
    const viewerA = await page(a!);
    const viewerB = await page(b!);
    const [classA, classB, studentA, studentB] = [presenterA, presenterB, viewerA, viewerB].map(
      (p) => new Classroom(p.conn),
    );
    expect(studentB!.presenter).toBe(false);

    await classA!.ask({
      session: presenterA.conn.liveId,
      conv: 'tcp 127.0.0.1:40000 > 127.0.0.1:7',
      afterRecNo: 1,
      next: { from: 'server', flags: 'SYN,ACK', recNo: 2 },
    });
    expect(classA!.error).toBeNull();
    const id = classA!.quiz!.id;
    await until(
      () => studentA!.quiz?.id === id && studentB!.quiz?.id === id,
      'both viewers see it',
    );
    expect(studentB!.quiz!.counts).toBeUndefined(); // no tally for viewers while it is open
    await until(() => classB!.quiz?.id === id, 'the presenter on B sees it');

    // A page connecting to B later is told the question at once.
    const late = connect(b!.url, { transports: ['websocket'] });
    try {
      const told = await new Promise<QuizView | null>((resolve) => late.once('quiz', resolve));
      expect(told?.id).toBe(id);
    } finally {
      late.close();
    }

    await studentA!.answer(0);
    await studentB!.answer(1);
    expect([studentA!.error, studentB!.error]).toEqual([null, null]);
    expect([studentA!.myAnswer, studentB!.myAnswer]).toEqual([0, 1]);
    // Answering again on B is not counted twice.
    const again = await viewerB.conn.request('quizAnswer', { id, choice: 2 });
    expect(again).toMatchObject({ ok: true, outcome: 'again', choice: 1 });
    const tally = (q: QuizView | null) => q?.counts?.slice(0, 2);
    await until(
      () => classA!.quiz?.answered === 2 && classB!.quiz?.answered === 2,
      'both presenters see two answers',
    );
    expect(tally(classA!.quiz)).toEqual([1, 1]);
    expect(tally(classB!.quiz)).toEqual([1, 1]);
    // A presenter's act is refused to a viewer on any process.
    expect((await viewerB.conn.request('quizReveal', { id })).ok).toBe(false);

    // The presenter on B reveals the question asked on A; every page sees the answer.
    await classB!.reveal();
    expect(classB!.error).toBeNull();
    await until(
      () => studentA!.quiz?.state === 'revealed' && studentB!.quiz?.state === 'revealed',
      'both viewers see the answer',
    );
    expect(studentB!.quiz!.answer).toBe(studentA!.quiz!.answer);
    expect(tally(studentB!.quiz)).toEqual([1, 1]);
    // Answers are closed, on B as on A.
    expect(await viewerB.conn.request('quizAnswer', { id, choice: 0 })).toMatchObject({
      ok: false,
    });

    await classA!.close();
    await until(() => studentB!.quiz === null && classB!.quiz === null, 'B takes it off');
    const after = connect(b!.url, { transports: ['websocket'] });
    try {
      expect(await new Promise((resolve) => after.once('quiz', resolve))).toBeNull();
    } finally {
      after.close();
    }
  }, 120_000);

  it('lists every process`s sessions on each, and serves a session of A`s exports from B byte for byte', async () => {
    const shared = await fetch(new URL('/api/sessions?name=copies.pcap', a!.url), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...PRESENTER },
      body: Buffer.from(echoCopies(400)), // 4,000 packets
    });
    expect(shared.status).toBe(201);
    const { id } = (await shared.json()) as SharedSession;

    const rows = async (server: ServerProcess) => {
      const res = await fetch(new URL('/api/sessions', server.url));
      expect(res.status).toBe(200);
      return ((await res.json()) as SessionListEntry[]).toSorted((x, y) =>
        x.id.localeCompare(y.id),
      );
    };
    const [onA, onB] = [await rows(a!), await rows(b!)];
    expect(onB.find((r) => r.id === id)).toMatchObject({ kind: 'file', packets: 4000 });
    expect(onB.filter((r) => r.kind === 'live' && !r.closed)).toHaveLength(2);
    expect(onB.map((r) => r.id)).toEqual(onA.map((r) => r.id));

    const get = (server: ServerProcess, path: string) =>
      fetch(new URL(`/api/sessions/${encodeURIComponent(id)}/${path}`, server.url));
    for (const file of ['export.pcapng', 'export.csv', 'export.json']) {
      const [fromA, fromB] = [await get(a!, file), await get(b!, file)];
      expect(fromB.status).toBe(200);
      for (const h of ['content-type', 'content-disposition'])
        expect(fromB.headers.get(h)).toBe(fromA.headers.get(h));
      const [bytesA, bytesB] = [
        Buffer.from(await fromA.arrayBuffer()),
        Buffer.from(await fromB.arrayBuffer()),
      ];
      // More than one 256 KiB part.
      if (file === 'export.pcapng') expect(bytesA.length).toBeGreaterThan(300_000);
      expect(bytesB.equals(bytesA)).toBe(true);
    }
    // The owner's refusals reach the client as they are; an unknown session is 404 on B too.
    for (const path of ['export.mmd', 'export.txt', 'export.csv?conv=nope']) {
      const [fromA, fromB] = [await get(a!, path), await get(b!, path)];
      expect(fromB.status).toBe(fromA.status);
      expect(await fromB.json()).toEqual(await fromA.json());
    }
    const none = await fetch(new URL('/api/sessions/file-nobody/export.csv', b!.url));
    expect(none.status).toBe(404);

    // A presenter on B renames and deletes A's session: A, its owner, carries it out.
    const presenterB = await page(b!, 'presenter');
    const viewerB = await page(b!);
    const liveA = onA.find((r) => r.kind === 'live' && !r.closed)!.id;
    const refused = await viewerB.socket
      .timeout(10_000)
      .emitWithAck('renameSession', { session: id, name: 'Nope' });
    expect(refused).toMatchObject({ ok: false, limit: 'viewer' });
    const renamed = await presenterB.socket
      .timeout(10_000)
      .emitWithAck('renameSession', { session: id, name: 'Lab 3' });
    expect(renamed).toEqual({ ok: true, session: id });
    expect((await rows(a!)).find((r) => r.id === id)?.name).toBe('Lab 3');
    const keepLive = await presenterB.socket
      .timeout(10_000)
      .emitWithAck('deleteSession', { session: liveA });
    expect(keepLive).toMatchObject({ ok: false, error: expect.stringMatching(/being recorded/) });
    const deleted = await presenterB.socket
      .timeout(10_000)
      .emitWithAck('deleteSession', { session: id });
    expect(deleted).toEqual({ ok: true, session: id });
    expect((await rows(a!)).some((r) => r.id === id)).toBe(false);
    const again = await presenterB.socket
      .timeout(10_000)
      .emitWithAck('deleteSession', { session: id });
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/No session named/) });
  }, 120_000);

  it('keeps serving each process`s own pages while Redis is down, and catches up when it returns', async () => {
    const presenterA = await page(a!, 'presenter');
    const presenterB = await page(b!, 'presenter');
    const liveA = presenterA.conn.liveId;
    const onB = await page(b!);
    await until(() => onB.conn.sessions.some((s) => s.id === liveA), "B lists A's live session");
    onB.conn.view(liveA);
    await until(() => onB.conn.session?.id === liveA && !onB.conn.joinError, 'B joined A');
    const before = presenterA.conn.store.toArray().at(-1)?.recNo ?? 0;
    await until(
      () => (onB.conn.store.toArray().at(-1)?.recNo ?? 0) === before,
      'B is level with A',
    );

    await redis!.kill();
    const down = (c: { conn: Connection }) => c.conn.cluster?.state === 'down';
    await until(
      () => down(presenterA) && down(presenterB) && down(onB),
      'every page says Redis is down',
    );
    expect(a!.log()).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+ cannot be reached/);
    expect(b!.log()).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+ cannot be reached/);

    // Each process still serves its own pages: sends and their records on A and on B.
    const onA = await presenterA.conn.send({
      transport: 'tcp',
      message: 'while Redis is down (A)',
    });
    expect(onA.ok).toBe(true);
    const onOwnB = await presenterB.conn.send({
      transport: 'udp',
      message: 'while Redis is down (B)',
    });
    expect(onOwnB.ok).toBe(true);
    await until(
      () => presenterA.conn.store.toArray().some((r) => onA.ok && r.conv === onA.conv),
      'A shows its exchange',
    );
    await until(
      () => presenterB.conn.store.toArray().some((r) => onOwnB.ok && r.conv === onOwnB.conv),
      'B shows its exchange',
    );
    // The viewer of A's session on B cannot be told of it yet.
    expect(onB.conn.store.toArray().at(-1)?.recNo ?? 0).toBe(before);

    await redis!.restart();
    const up = (c: { conn: Connection }) => c.conn.cluster?.state === 'up';
    await until(() => up(presenterA) && up(onB), 'every page says Redis is back');
    const lastA = presenterA.conn.store.toArray().at(-1)!.recNo;
    await until(() => onB.conn.store.toArray().at(-1)?.recNo === lastA, 'B caught up');
    expect(consecutive(onB.conn.store.toArray())).toBe(true);
    expect(onB.conn.store.toArray().slice(-5)).toEqual(presenterA.conn.store.toArray().slice(-5));

    // And live records flow through Redis again.
    const again = await presenterA.conn.send({ transport: 'tcp', message: 'after Redis is back' });
    expect(again.ok).toBe(true);
    await until(
      () =>
        onB.conn.store
          .toArray()
          .some(
            (r) => again.ok && r.conv === again.conv && r.type === 'step' && r.kind === 'close',
          ),
      'B sees the next exchange live',
    );
    expect(consecutive(onB.conn.store.toArray())).toBe(true);
  }, 180_000);

  it('knows on B that a scenario runs on A: New session on B waits until the run has ended', async () => {
    const presenterA = await page(a!, 'presenter');
    const presenterB = await page(b!, 'presenter');
    const refusal = {
      ok: false,
      error: 'A scenario is running: start a new session once it has finished.',
    };
    const newSessionOnB = () => presenterB.socket.timeout(10_000).emitWithAck('newSession', {});
    const watcher = connectRedis(redis!.url, () => undefined);
    await until(() => watcher.status().state === 'up', 'a look at Redis');
    const statuses: ScenarioStatus[] = [];
    presenterA.socket.on('scenario', (s) => statuses.push(s));
    // keepalive plays for seconds: its keep-alive probes come a second apart.
    const run = await presenterA.conn.runScenario({ id: 'keepalive' });
    expect(run.ok).toBe(true);
    // A's hold reaches Redis a moment after its answer (its link may be busy with broadcasts).
    const held = async () => (await watcher.keys.list('packet-ladder:scenario-running:')).length;
    const heldBy = Date.now() + 10_000;
    while ((await held()) === 0 && Date.now() < heldBy) await new Promise((r) => setTimeout(r, 20));
    expect(await newSessionOnB()).toEqual(refusal);
    expect(statuses.some((s) => s.state === 'done')).toBe(false);
    await until(() => statuses.some((s) => s.state === 'done'), 'the run on A ended');
    // A lets go as the run ends (its hold would only expire after 15 s).
    let answer: unknown = refusal;
    const end = Date.now() + 10_000;
    while (Date.now() < end) {
      answer = await newSessionOnB();
      if ((answer as { ok: boolean }).ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(answer).toMatchObject({ ok: true });
    await watcher.close();
  }, 120_000);
});
