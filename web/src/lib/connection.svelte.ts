/**
 * The page's link to the server: socket.io connection, the shown server session's records (the
 * live one or a shared file; bounded, no gap, no duplicate, resumed after reconnects), the
 * sessions the server holds, capture status, the send call and the scenario calls.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  CaptureStatus,
  ClientToServerEvents,
  ClusterStatus,
  Hello,
  RangeResult,
  Role,
  RunScenarioRequest,
  RunScenarioResult,
  ScenarioCatalog,
  ScenarioStatus,
  SendRequest,
  SendResult,
  ServerToClientEvents,
  SessionInfo,
  SessionRecord,
} from '../../../core/protocol.ts';
import { RecordFeed } from './record-feed.ts';
import { unpackOrNull } from './unpack-or-null.ts';
import { ALL_WINDOW, type RecordStore } from './record-store.svelte.ts';
import { refusalText } from './refusal-text.ts';
import { viewerId } from './viewer-id.ts';
import type { ClassClientEvents } from '../../../core/class/class-protocol.ts';
import type { SessionActionResult, SessionClientEvents } from '../../../core/session-actions.ts';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** State of the socket.io link as the header shows it. */
export type LinkStatus =
  | 'connecting' // first connection under way
  | 'connected' // joined or joining the live session
  | 'reconnecting' // link lost, socket.io retrying
  | 'offline'; // closed for good

export const LIVE_SESSION = 'live';
const ACK_TIMEOUT_MS = 10_000;
const REJOIN_DELAY_MS = 1000;
const HELLO_WAIT_MS = 2000;
/** Records the page holds at most (the server may hold more: older ones are fetched by range). */
export const PAGE_MAX_RECORDS = 100_000;
/** Records a join asks for at most, newest first: what is older stays on the server. */
export const JOIN_TAIL = 10_000;
/** Range pages fetched for one conversation at most. */
const RANGE_PAGES = 10;

export class Connection {
  status = $state<LinkStatus>('connecting');
  hello = $state.raw<Hello | null>(null);
  capture = $state.raw<CaptureStatus | null>(null);
  session = $state.raw<SessionInfo | null>(null);
  /** The server session shown: the live one or a shared file. */
  sessionId = $state(LIVE_SESSION);
  /** Every session the server holds, as it last said. */
  sessions = $state.raw<readonly SessionInfo[]>([]);
  joinError = $state<string | null>(null);
  /** The server cut the last connection because this page did not read (e.g. it was paused). */
  fellBehind = $state(false);
  /** The server's link to the other server processes (null when it serves alone). */
  cluster = $state.raw<ClusterStatus | null>(null);

  #socket: AppSocket;
  #feed = new RecordFeed(PAGE_MAX_RECORDS);
  /** The first join of a session asks for the summaries; the joins catching up do not. */
  #needSummaries = true;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #joinId = 0;
  // Listeners, not state: nothing renders from this set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #scenarioListeners = new Set<(s: ScenarioStatus) => void>();

  constructor(
    socket: AppSocket = io({ autoConnect: false, transports: ['websocket', 'polling'] }),
  ) {
    this.#socket = socket;
    // The handshake names this browser (quiz answers count once per viewer) and, on
    // reconnecting, the last connection (so the server can say if it was dropped).
    const viewer = viewerId(globalThis.localStorage ?? null);
    let previous: string | undefined;
    socket.auth = (cb) => cb(previous ? { viewer, was: previous } : { viewer });
    // The join waits for `hello` (sent on every connection) so a restarted server is noticed
    // first; if hello is late, join anyway.
    socket.on('connect', () => {
      previous = socket.id;
      this.status = 'connected';
      clearTimeout(this.#retry);
      this.#retry = setTimeout(() => void this.#join(), HELLO_WAIT_MS);
    });
    socket.on('disconnect', () => {
      this.#feed.abortJoin();
      this.status = socket.active ? 'reconnecting' : 'offline';
    });
    socket.io.on('reconnect_attempt', () => (this.status = 'reconnecting'));
    socket.on('hello', (h) => {
      this.hello = h;
      this.fellBehind = h.fellBehind === true;
      this.capture = h.capture;
      this.cluster = h.cluster ?? null;
      this.sessions = h.sessions;
      // A shared file the restarted server no longer holds: back to live.
      if (!h.sessions.some((s) => s.id === this.sessionId)) this.#switch(this.liveId);
      const shown = h.sessions.find((s) => s.id === this.sessionId);
      if (shown && this.session && shown.startTime !== this.session.startTime) {
        // Not the session we were showing: the server restarted. Start over.
        this.#feed.reset();
      }
      this.session = shown ?? this.session;
      this.#feed.setMax(Math.min(PAGE_MAX_RECORDS, h.maxRecords));
      this.#needSummaries = true;
      void this.#join();
    });
    socket.on('capture', (c) => (this.capture = c));
    socket.on('cluster', (c) => {
      const back = c.state === 'up' && this.cluster?.state !== 'up';
      this.cluster = c;
      // Records written on another process while Redis was away never came: ask for them.
      if (back) void this.#join();
    });
    socket.on('scenario', (s) => {
      for (const l of this.#scenarioListeners) l(s);
    });
    socket.on('sessions', (list) => {
      this.sessions = list;
      const shown = list.find((s) => s.id === this.sessionId);
      if (shown && this.session && shown.startTime !== this.session.startTime) {
        // A new live session took the place of the one shown: start over on it.
        this.#switch(shown.id);
        void this.#join();
      } else if (shown) this.session = shown;
      else if (this.sessionId !== this.liveId) this.view(this.liveId); // the file was dropped
    });
    socket.on('records', (batch) => {
      if (batch.session !== this.sessionId) return;
      const got = unpackOrNull(batch.packed);
      // A batch that cannot be read is a gap: the join answers the records after those held.
      if (!got || this.#feed.batch(got.records, got.summaries).rejoin) void this.#join();
    });
    // States true in hindsight: a later packet corrected earlier rows (e.g. a refused SYN).
    socket.on('corrections', (batch) => {
      if (batch.session !== this.sessionId) return;
      this.#feed.correct(batch.records);
    });
  }

  /** The shown session's records and summaries as this page holds them. */
  get store(): RecordStore {
    return this.#feed.store;
  }

  /** Records the shown session held on the server when it last said. */
  get sessionRecords(): number {
    return this.session ? this.session.lastRecNo - this.session.firstRecNo + 1 : 0;
  }

  /**
   * Fetches back the records of conversation `conv` the page no longer holds (or never held: it
   * began before the page joined), from the server, a range page at a time.
   */
  async fetchConversation(conv: string): Promise<void> {
    const s = this.store.summary(conv);
    const session = this.sessionId;
    if (!s?.firstRecNo || !this.store.missing(conv)) return;
    const to = Math.min(s.lastRecNo ?? s.firstRecNo, this.store.firstRecNo - 1);
    const got: SessionRecord[] = [];
    let from: number | null = s.firstRecNo;
    for (let page = 0; from !== null && from <= to && page < RANGE_PAGES; page++) {
      const res: RangeResult = await this.#socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('range', { session, from, to, conv });
      if (!res.ok || session !== this.sessionId) return;
      got.push(...res.records);
      from = res.next;
    }
    this.store.putFetched(conv, got);
  }

  /**
   * "All records" moves half a window back (-1) or on (+1) through the session: records the page
   * no longer holds come from the server by range. False when there is nothing further that way.
   */
  async pageAll(dir: -1 | 1): Promise<boolean> {
    const store = this.store;
    const session = this.sessionId;
    const first = this.session?.firstRecNo ?? store.firstRecNo;
    const end = store.allEnd ?? store.lastRecNo + 1;
    if (dir > 0 && store.allEnd === null) return false;
    if (dir < 0 && end - ALL_WINDOW <= first) return false;
    const next = Math.max(first + ALL_WINDOW, end + dir * Math.floor(ALL_WINDOW / 2));
    if (next > store.lastRecNo) {
      store.showAll(null);
      return true;
    }
    const to = Math.min(next - 1, store.firstRecNo - 1);
    const got: SessionRecord[] = [];
    let from: number | null = Math.max(first, next - ALL_WINDOW);
    for (let page = 0; from !== null && from <= to && page < RANGE_PAGES; page++) {
      const res: RangeResult = await this.#socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('range', { session, from, to });
      if (!res.ok || session !== this.sessionId) return false;
      got.push(...res.records);
      from = res.next;
    }
    store.showAll(next, got);
    return true;
  }

  start(): void {
    this.#socket.connect();
  }

  stop(): void {
    clearTimeout(this.#retry);
    this.#socket.disconnect();
    this.status = 'offline';
  }

  /** Asks the server's built-in client to send `req` to the echo endpoint. */
  async send(req: SendRequest): Promise<SendResult> {
    return this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck('send', req);
  }

  /** Shows another server session: forgets the records held and joins it from its start. */
  view(id: string): void {
    if (id === this.sessionId) return;
    this.#switch(id);
    void this.#join();
  }

  /** The scenario catalog and the runs queued or playing now. */
  async scenarios(): Promise<ScenarioCatalog> {
    return this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck('scenarios');
  }

  /** Queues a scenario run; its records arrive in the live session. */
  async runScenario(req: RunScenarioRequest): Promise<RunScenarioResult> {
    return this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck('runScenario', req);
  }

  /** The id of the live session of the server process this page is connected to. */
  get liveId(): string {
    return this.hello?.live ?? LIVE_SESSION;
  }

  /** This page's role, as the server said (presenter until it has). */
  get role(): Role {
    return this.hello?.role ?? 'presenter';
  }

  /** This page's socket.io id while connected (the server addresses share progress to it). */
  get socketId(): string | undefined {
    return this.#socket.id;
  }

  /** Listens to a server event; returns the function that stops listening. */
  on<E extends keyof ServerToClientEvents>(
    event: E,
    listener: ServerToClientEvents[E],
  ): () => void {
    this.#socket.on(event, listener as never);
    return () => void this.#socket.off(event, listener as never);
  }

  /** Sends a request and waits for its answer (the classroom's calls go through here). */
  async request<E extends keyof ClassClientEvents>(
    event: E,
    req: Parameters<ClassClientEvents[E]>[0],
  ): Promise<Parameters<Parameters<ClassClientEvents[E]>[1]>[0]> {
    const timed = this.#socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(event: string, req: unknown): Promise<never>;
    };
    return timed.emitWithAck(event, req);
  }

  /** A presenter's session action (new, rename, delete); refused for viewers on the server. */
  async act<E extends keyof SessionClientEvents>(
    event: E,
    req: Parameters<SessionClientEvents[E]>[0],
  ): Promise<SessionActionResult> {
    const timed = this.#socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(event: string, req: unknown): Promise<SessionActionResult>;
    };
    try {
      return await timed.emitWithAck(event, req);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Every page hears of every run: queued, running, done. */
  onScenario(listener: (s: ScenarioStatus) => void): () => void {
    this.#scenarioListeners.add(listener);
    return () => this.#scenarioListeners.delete(listener);
  }

  #switch(id: string): void {
    this.#joinId++; // an answer still on its way is for the old session
    this.sessionId = id;
    this.session = this.sessions.find((s) => s.id === id) ?? null;
    this.#feed.reset();
    this.#needSummaries = true;
    this.joinError = null;
  }

  async #join(): Promise<void> {
    if (this.#feed.joining || !this.#socket.connected) return;
    clearTimeout(this.#retry);
    const known = this.sessions.find((s) => s.id === this.sessionId) ?? this.session;
    const after = this.#feed.beginJoin(known?.lastRecNo ?? 0, JOIN_TAIL);
    const id = ++this.#joinId;
    const summaries = this.#needSummaries;
    try {
      const res = await this.#socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('join', { session: this.sessionId, after, summaries });
      if (id !== this.#joinId) return; // overtaken by a newer join (a restart was noticed)
      if (!res.ok) throw new Error(refusalText(res));
      this.session = res.session;
      this.joinError = null;
      if (summaries) this.#needSummaries = false;
      const change = this.#feed.endJoin(
        res.records,
        res.gap,
        res.session.lastRecNo,
        summaries ? res.summaries : undefined,
      );
      if (change.rejoin) this.#needSummaries = true;
      // A second gap right away means the server is ahead of us again: wait a moment, then ask.
      if (change.rejoin) this.#retry = setTimeout(() => void this.#join(), REJOIN_DELAY_MS);
      // A join answer holds a bounded number of records: a big shared file comes in several.
      else if (res.records.length > 0 && this.#feed.lastRecNo < res.session.lastRecNo)
        this.#retry = setTimeout(() => void this.#join(), 0);
    } catch (err) {
      if (id !== this.#joinId) return;
      this.#feed.abortJoin();
      const listed = this.sessions.some((s) => s.id === this.sessionId);
      if (this.sessionId !== this.liveId && this.status === 'connected' && !listed) {
        this.view(this.liveId); // a shared file that is gone
        return;
      }
      this.joinError = err instanceof Error ? err.message : String(err);
      this.#retry = setTimeout(() => void this.#join(), REJOIN_DELAY_MS);
    }
  }
}
