/**
 * The socket.io hub: a page gets `hello` on connection, joins a session with the last record
 * number it has, gets what it missed a page at a time, then ordered `records` batches. Sends go to
 * the built-in clients. Every handler is registered through GuardedEvents.
 */
import type { Server, Socket } from 'socket.io';
import type {
  CaptureStatus,
  ClientToServerEvents,
  ClusterStatus,
  CorrectionBatch,
  EchoInfo,
  JoinResult,
  RangeRequest,
  RangeResult,
  SendRequest,
  SendResult,
  ServerToClientEvents,
  SessionRecord,
} from '../../core/protocol.ts';
import { MAX_JOIN_SUMMARIES } from '../../core/protocol.ts';
import type { ConversationSummary } from '../../core/analysis/conversation-summary.ts';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import { joinSchema, rangeSchema, sendSchema } from './messages.ts';
import { roleOf, type GuardedEvents } from './guarded-events.ts';
import type { Session } from './session.ts';
import { filesToEvict, noRoomText, type FileSlot } from '../sessions/file-eviction.ts';
import type { SocketData } from '../auth/socket-data.ts';
import type { InterServerEvents } from '../cluster/cluster-events.ts';
import type { ClusterSessions } from '../cluster/cluster-sessions.ts';

export type HubServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type HubSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** Records handed to a page in one batch, at most. */
const BATCH_LIMIT = 5000;
/** Records in one join reply, at most: a join of a few bytes never costs more than a page. */
export const JOIN_PAGE = 2000;
/** Records a range request looks at, at most (it says where to go on from). */
const RANGE_SCAN = 50_000;
/** Sends one page may have in flight at once. */
const MAX_SENDS_IN_FLIGHT = 4;
/**
 * Batches leave at most this often: each one costs a write on every viewer's connection, so at
 * thousands of records a second they must go out per tick, not per record or per I/O callback.
 */
export const FLUSH_MS = 16;

export interface HubOptions {
  echo: EchoInfo;
  capture: () => CaptureStatus;
  send: (req: SendRequest) => Promise<SendResult>;
  maxRecords: number;
  /** Shared capture files held at once (each bounded by maxRecords). */
  maxFileSessions: number;
  /** Largest shared file, in bytes (told to pages so they say so before sending). */
  maxUploadBytes?: number;
  /** Registers every event handler: role check, rates, validation, errors as replies. */
  events: GuardedEvents;
  /** --private: pages are told exports are for the presenter only. */
  private?: boolean;
  /** Whether this page reconnects after being dropped for not reading (see slow-readers.ts). */
  fellBehind?: (socket: HubSocket) => boolean;
  /** The id of this process's live session (told to pages in `hello`). */
  live?: string;
  /** With --redis: the link's state, for `hello`. */
  cluster?: () => ClusterStatus;
}

export class Hub {
  private sessions = new Map<string, Session>();
  private pending = new Map<string, SessionRecord[]>();
  private pendingCorrections = new Map<string, CorrectionBatch['records']>();
  private unsubscribe = new Map<string, () => void>();
  private flushTimer: { cancel(): void } | null = null;
  private lastFlush = -Infinity;
  /** With --redis: the other processes' sessions, and the way to their records. */
  private peers: ClusterSessions | null = null;
  /** When a page last showed each session (for removing the least recently used shared file). */
  private lastUsed = new Map<string, number>();
  private summaryListeners: ((session: string, summaries: ConversationSummary[]) => void)[] = [];

  constructor(
    private io: HubServer,
    private opts: HubOptions,
  ) {
    io.on('connection', (socket) => this.onConnection(socket));
  }

  /** Shares this process's sessions with other processes (--redis) and lists theirs. */
  joinCluster(peers: ClusterSessions): void {
    this.peers = peers;
    peers.announce();
  }

  /** Older records of one of this process's sessions, as a range reply (for another process). */
  range(req: RangeRequest) {
    const session = this.sessions.get(req.session);
    return session ? session.range(req.from, req.to, req.conv, JOIN_PAGE, RANGE_SCAN) : null;
  }

  /** Records of one of this process's sessions, as a join reply (for another process). */
  history(id: string, after: number, limit: number) {
    const session = this.sessions.get(id);
    if (!session) return null;
    const { records, gap } = session.since(after, Math.min(limit, JOIN_PAGE));
    const summaries = session.summaries.all().slice(-MAX_JOIN_SUMMARIES);
    return { session: session.info(), records, summaries, gap };
  }

  addSession(session: Session): void {
    this.sessions.set(session.id, session);
    const offRecord = session.onRecord((r) => this.queue(session.id, r));
    const offCorrection = session.onCorrection((recNo, analysis) =>
      this.queueCorrection(session.id, recNo, analysis),
    );
    this.unsubscribe.set(session.id, () => {
      offRecord();
      offCorrection();
    });
    this.sessionsChanged();
  }

  /**
   * Adds a session from a shared file. Past maxFileSessions, the least recently shown file
   * sessions nobody is showing now go; when every one is shown, the share is refused.
   */
  addFileSession(session: Session): { ok: true; evicted: string[] } | { ok: false; error: string } {
    const room = this.fileRoom();
    if (!room.ok) return room;
    const evict = room.evict;
    for (const old of evict) this.removeSession(old.id);
    this.lastUsed.set(session.id, performance.now());
    this.addSession(session);
    return { ok: true, evicted: evict.map((f) => f.title) };
  }

  /** Why a shared file could not be added now, if so (asked before its bytes are read). */
  noFileRoom(): string | undefined {
    const room = this.fileRoom();
    return room.ok ? undefined : room.error;
  }

  /** The file sessions to remove for one more, or why none can be added (the one check of both). */
  private fileRoom(): { ok: true; evict: FileSlot[] } | { ok: false; error: string } {
    const evict = filesToEvict(this.fileSlots(), this.opts.maxFileSessions);
    return evict
      ? { ok: true, evict }
      : { ok: false, error: noRoomText(this.opts.maxFileSessions) };
  }

  private fileSlots() {
    const now = performance.now();
    return [...this.sessions.values()]
      .filter((s) => s.kind === 'file')
      .map((s) => {
        const watchers = this.io.sockets.adapter.rooms.get(room(s.id))?.size ?? 0;
        if (watchers > 0) this.lastUsed.set(s.id, now);
        return { id: s.id, title: s.title, watchers, lastUsed: this.lastUsed.get(s.id) ?? 0 };
      });
  }

  removeSession(id: string): void {
    this.unsubscribe.get(id)?.();
    this.unsubscribe.delete(id);
    this.sessions.delete(id);
    this.pending.delete(id);
    this.lastUsed.delete(id);
    this.pendingCorrections.delete(id);
    this.io.in(room(id)).socketsLeave(room(id));
    this.sessionsChanged();
  }

  /**
   * Files `old` (the live session) under `id`, closed, and puts `fresh` in its place: pages
   * showing the live session stay in its room and start over on the new one.
   */
  replaceSession(old: Session, id: string, fresh: Session): void {
    this.flush(); // what the old one queued goes out under its old id first
    this.unsubscribe.get(old.id)?.();
    this.sessions.delete(old.id);
    this.unsubscribe.delete(old.id);
    old.retire(id);
    this.sessions.set(old.id, old);
    this.sessions.set(fresh.id, fresh);
    this.unsubscribe.set(
      fresh.id,
      fresh.onRecord((r) => this.queue(fresh.id, r)),
    );
    this.sessionsChanged();
  }

  /** Hears the summaries every batch sends, per session (the class roster counts them). */
  onSummaries(listener: (session: string, summaries: ConversationSummary[]) => void): void {
    this.summaryListeners.push(listener);
  }

  getSession(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  listSessions(): Session[] {
    return [...this.sessions.values()];
  }

  /** Tells every page the session list again (a session's info changed: closed, cut, stopped). */
  sessionsChanged(): void {
    this.peersChanged();
    this.peers?.announce();
  }

  /** The other processes' sessions changed: this process's pages hear the whole list again. */
  peersChanged(): void {
    // Local: the other processes tell their own pages; each list is the same whole list.
    this.io.local.emit('sessions', this.sessionList());
  }

  captureChanged(status: CaptureStatus): void {
    // The capture is this process's own: other processes' pages show theirs.
    this.io.local.emit('capture', status);
  }

  /** This process's own sessions. */
  localSessions() {
    return [...this.sessions.values()].map((s) => s.info());
  }

  private sessionList() {
    const own = this.localSessions();
    return this.peers ? [...own, ...this.peers.list()] : own;
  }

  // Records are batched per tick: many steps in one burst go out as one message, in order.
  private queue(id: string, r: SessionRecord): void {
    let list = this.pending.get(id);
    if (!list) this.pending.set(id, (list = []));
    list.push(r);
    this.scheduleFlush();
  }

  // Corrections go out in the same flush, after the records they may refer to.
  private queueCorrection(id: string, recNo: number, analysis: PacketAnalysis): void {
    let list = this.pendingCorrections.get(id);
    if (!list) this.pendingCorrections.set(id, (list = []));
    list.push({ recNo, analysis });
    this.scheduleFlush();
  }

  /**
   * After a quiet spell a record leaves on the next turn of the event loop; while records keep
   * coming, what arrived within FLUSH_MS of the last batch waits for the next tick, so a viewer
   * gets one message per tick however many records it holds.
   */
  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const wait = this.lastFlush + FLUSH_MS - performance.now();
    if (wait > 0) {
      const t = setTimeout(() => this.flush(), wait);
      this.flushTimer = { cancel: () => clearTimeout(t) };
    } else {
      const t = setImmediate(() => this.flush());
      this.flushTimer = { cancel: () => clearImmediate(t) };
    }
  }

  // One emit per batch to the session's room: socket.io encodes it once for every viewer.
  private flush(): void {
    this.flushTimer?.cancel();
    this.flushTimer = null;
    if (this.pending.size === 0 && this.pendingCorrections.size === 0) return;
    this.lastFlush = performance.now();
    for (const [session, records] of this.pending) {
      const summaries = this.sessions.get(session)?.summaries.takeChanged() ?? [];
      for (const l of this.summaryListeners) l(session, summaries);
      for (let i = 0; i < records.length; i += BATCH_LIMIT) {
        const last = i + BATCH_LIMIT >= records.length;
        this.io.to(room(session)).emit('records', {
          session,
          records: records.length <= BATCH_LIMIT ? records : records.slice(i, i + BATCH_LIMIT),
          summaries: last ? summaries : [],
        });
      }
    }
    this.pending.clear();
    for (const [session, records] of this.pendingCorrections)
      this.io.to(room(session)).emit('corrections', { session, records });
    this.pendingCorrections.clear();
  }

  /** Leaves the session room the page was in (not the classroom's rooms) and enters this one. */
  private enterRoom(socket: HubSocket, id: string): void {
    for (const r of socket.rooms) if (r.startsWith(ROOM_PREFIX)) void socket.leave(r);
    void socket.join(room(id));
  }

  private onConnection(socket: HubSocket): void {
    let inFlight = 0;
    const events = this.opts.events;
    events.refuseUnknown(socket);
    socket.emit('hello', {
      echo: this.opts.echo,
      capture: this.opts.capture(),
      sessions: this.sessionList(),
      maxRecords: this.opts.maxRecords,
      role: roleOf(socket),
      ...(this.opts.private ? { private: true } : {}),
      ...(this.opts.maxUploadBytes ? { maxUploadBytes: this.opts.maxUploadBytes } : {}),
      ...(this.opts.fellBehind?.(socket) ? { fellBehind: true } : {}),
      ...(this.opts.live !== undefined && { live: this.opts.live }),
      ...(this.opts.cluster && { cluster: this.opts.cluster() }),
    });

    events.on(socket, 'join', joinSchema, async (req): Promise<JoinResult> => {
      const session = this.sessions.get(req.session);
      if (!session && this.peers?.has(req.session)) {
        // Another process writes it: its batches reach this room through the adapter; what came
        // before is asked of the owner. Batches arriving meanwhile wait in the page, which drops
        // the records it already holds by record number.
        this.enterRoom(socket, req.session);
        const answer = await this.peers.history({
          session: req.session,
          after: req.after,
          limit: JOIN_PAGE,
        });
        return { ok: true, ...answer };
      }
      if (!session) return { ok: false, error: `No session named "${req.session}".` };
      // Flush first so records already queued are not sent twice (once here, once in a batch).
      this.flush();
      this.enterRoom(socket, session.id);
      this.lastUsed.set(session.id, performance.now());
      // One page per join: the page asks again while it is behind.
      const { records, gap } = session.since(req.after, JOIN_PAGE);
      const summaries =
        req.summaries === false ? [] : session.summaries.all().slice(-MAX_JOIN_SUMMARIES);
      return { ok: true, session: session.info(), records, summaries, gap };
    });

    events.on(socket, 'range', rangeSchema, async (req): Promise<RangeResult> => {
      const session = this.sessions.get(req.session);
      // Another process's session: its owner reads the range, as it would for its own page.
      if (!session && this.peers?.has(req.session))
        return { ok: true, ...(await this.peers.range(req)) };
      if (!session) return { ok: false, error: `No session named "${req.session}".` };
      return { ok: true, ...session.range(req.from, req.to, req.conv, JOIN_PAGE, RANGE_SCAN) };
    });

    events.on(socket, 'send', sendSchema, async (req): Promise<SendResult> => {
      if (inFlight >= MAX_SENDS_IN_FLIGHT) {
        return { ok: false, error: 'Too many sends at once; wait for the last ones to finish.' };
      }
      inFlight++;
      try {
        return await this.opts.send(req);
      } finally {
        inFlight--;
      }
    });
  }
}

const ROOM_PREFIX = 'session:';

function room(session: string): string {
  return `${ROOM_PREFIX}${session}`;
}
