/**
 * The page's link to the server: the socket.io connection and what it says (hello, sessions,
 * capture, the link to other processes) and the shown session (shown-session.svelte.ts); the
 * calls a page makes over it come from ServerCalls (server-calls.ts).
 */
import { io } from 'socket.io-client';
import type {
  CaptureStatus,
  ClusterStatus,
  Hello,
  Role,
  SessionInfo,
} from '../../../core/protocol.ts';
import type { RecordStore } from './record-store.svelte.ts';
import { LIVE_SESSION, type AppSocket } from './app-socket.ts';
import { ServerCalls } from './server-calls.ts';
import { ShownSession } from './shown-session.svelte.ts';
import { viewerId } from './viewer-id.ts';

/** State of the socket.io link as the header shows it. */
export type LinkStatus =
  | 'connecting' // first connection under way
  | 'connected' // joined or joining the live session
  | 'reconnecting' // link lost, socket.io retrying
  | 'offline'; // closed for good

const HELLO_WAIT_MS = 2000;

export class Connection extends ServerCalls {
  status = $state<LinkStatus>('connecting');
  hello = $state.raw<Hello | null>(null);
  capture = $state.raw<CaptureStatus | null>(null);
  /** Every session the server holds, as it last said. */
  sessions = $state.raw<readonly SessionInfo[]>([]);
  /** The server cut the last connection because this page did not read (e.g. it was paused). */
  fellBehind = $state(false);
  /** The server's link to the other server processes (null when it serves alone). */
  cluster = $state.raw<ClusterStatus | null>(null);

  #shown: ShownSession;

  constructor(
    socket: AppSocket = io({ autoConnect: false, transports: ['websocket', 'polling'] }),
  ) {
    super(socket);
    const shown = (this.#shown = new ShownSession(socket, {
      sessions: () => this.sessions,
      liveId: () => this.liveId,
      connected: () => this.status === 'connected',
    }));
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
      shown.joinAfter(HELLO_WAIT_MS);
    });
    socket.on('disconnect', () => {
      shown.disconnected();
      this.status = socket.active ? 'reconnecting' : 'offline';
    });
    socket.io.on('reconnect_attempt', () => (this.status = 'reconnecting'));
    socket.on('hello', (h) => {
      this.hello = h;
      this.fellBehind = h.fellBehind === true;
      this.capture = h.capture;
      this.cluster = h.cluster ?? null;
      this.sessions = h.sessions;
      shown.hello(h);
    });
    socket.on('capture', (c) => (this.capture = c));
    socket.on('cluster', (c) => {
      const back = c.state === 'up' && this.cluster?.state !== 'up';
      this.cluster = c;
      // Records written on another process while Redis was away never came: ask for them.
      if (back) void shown.join();
    });
    socket.on('sessions', (list) => {
      this.sessions = list;
      shown.listed(list);
    });
    socket.on('records', (batch) => shown.batch(batch));
    socket.on('corrections', (batch) => shown.corrections(batch));
  }

  /** The server session shown: the live one or a shared file. */
  get sessionId(): string {
    return this.#shown.sessionId;
  }

  get session(): SessionInfo | null {
    return this.#shown.session;
  }

  get joinError(): string | null {
    return this.#shown.joinError;
  }

  /** The shown session's records and summaries as this page holds them. */
  get store(): RecordStore {
    return this.#shown.store;
  }

  /** Records the shown session held on the server when it last said. */
  get sessionRecords(): number {
    const s = this.session;
    return s ? s.lastRecNo - s.firstRecNo + 1 : 0;
  }

  /** Fetches back the records of a conversation the page no longer holds (or never held). */
  fetchConversation(conv: string): Promise<void> {
    return this.#shown.fetchConversation(conv);
  }

  /** "All records" moves half a window back (-1) or on (+1); false when there is no further. */
  pageAll(dir: -1 | 1): Promise<boolean> {
    return this.#shown.pageAll(dir);
  }

  start(): void {
    this.socket.connect();
  }

  stop(): void {
    this.#shown.stop();
    this.socket.disconnect();
    this.status = 'offline';
  }

  /** Shows another server session: forgets the records held and joins it from its start. */
  view(id: string): void {
    this.#shown.view(id);
  }

  /** The id of the live session of the server process this page is connected to. */
  get liveId(): string {
    return this.hello?.live ?? LIVE_SESSION;
  }

  /** This page's role, as the server said (presenter until it has). */
  get role(): Role {
    return this.hello?.role ?? 'presenter';
  }
}
