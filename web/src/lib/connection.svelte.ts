/**
 * The page's link to the server: socket.io connection, the live session's records (bounded, no
 * gap, no duplicate, resumed after reconnects), capture status and the send call.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  CaptureStatus,
  ClientToServerEvents,
  Hello,
  SendRequest,
  SendResult,
  ServerToClientEvents,
  SessionInfo,
  SessionRecord,
} from '../../../core/protocol.ts';
import { RecordFeed } from './record-feed.ts';

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

export class Connection {
  status = $state<LinkStatus>('connecting');
  hello = $state.raw<Hello | null>(null);
  capture = $state.raw<CaptureStatus | null>(null);
  session = $state.raw<SessionInfo | null>(null);
  /** Records of the live session, oldest first; replaced wholesale on every change. */
  records = $state.raw<readonly SessionRecord[]>([]);
  joinError = $state<string | null>(null);

  #socket: AppSocket;
  #feed = new RecordFeed(10_000);
  #retry: ReturnType<typeof setTimeout> | undefined;
  #joinId = 0;

  constructor(
    socket: AppSocket = io({ autoConnect: false, transports: ['websocket', 'polling'] }),
  ) {
    this.#socket = socket;
    // The join waits for `hello` (sent on every connection) so a restarted server is noticed
    // first; if hello is late, join anyway.
    socket.on('connect', () => {
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
      this.capture = h.capture;
      const live = h.sessions.find((s) => s.id === LIVE_SESSION);
      if (live && this.session && live.startTime !== this.session.startTime) {
        // Not the session we were showing: the server restarted. Start over.
        this.#feed.reset();
        this.records = [];
      }
      this.session = live ?? this.session;
      if (this.#feed.setMax(h.maxRecords)) this.records = this.#feed.records;
      void this.#join();
    });
    socket.on('capture', (c) => (this.capture = c));
    socket.on('sessions', (list) => {
      this.session = list.find((s) => s.id === LIVE_SESSION) ?? this.session;
    });
    socket.on('records', (batch) => {
      if (batch.session !== LIVE_SESSION) return;
      this.#apply(this.#feed.batch(batch.records));
    });
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

  #apply(change: { changed: boolean; rejoin: boolean }): void {
    if (change.changed) this.records = this.#feed.records;
    if (change.rejoin) void this.#join();
  }

  async #join(): Promise<void> {
    if (this.#feed.joining || !this.#socket.connected) return;
    clearTimeout(this.#retry);
    const after = this.#feed.beginJoin();
    const id = ++this.#joinId;
    try {
      const res = await this.#socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('join', { session: LIVE_SESSION, after });
      if (id !== this.#joinId) return; // overtaken by a newer join (a restart was noticed)
      if (!res.ok) throw new Error(res.error);
      this.session = res.session;
      this.joinError = null;
      const change = this.#feed.endJoin(res.records, res.gap, res.session.lastSeq);
      if (change.changed) this.records = this.#feed.records;
      // A second gap right away means the server is ahead of us again: wait a moment, then ask.
      if (change.rejoin) this.#retry = setTimeout(() => void this.#join(), REJOIN_DELAY_MS);
    } catch (err) {
      if (id !== this.#joinId) return;
      this.#feed.abortJoin();
      this.joinError = err instanceof Error ? err.message : String(err);
      this.#retry = setTimeout(() => void this.#join(), REJOIN_DELAY_MS);
    }
  }
}
