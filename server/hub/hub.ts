/**
 * The socket.io hub: the sessions this process holds (live, stored, shared files), their pages
 * (page-events.ts) and their batches (record-batcher.ts), and with --redis the other processes'.
 */
import type { CaptureStatus, RangeRequest } from '../../core/protocol.ts';
import { MAX_JOIN_SUMMARIES } from '../../core/protocol.ts';
import type { Session } from './session.ts';
import { filesToEvict, noRoomText, type FileSlot } from '../sessions/file-eviction.ts';
import type { ClusterSessions } from '../cluster/cluster-sessions.ts';
import { sessionRoom, type HubServer } from './hub-server.ts';
import type { HubOptions } from './hub-options.ts';
import { JOIN_PAGE, RANGE_SCAN, servePage } from './page-events.ts';
import { RecordBatcher, type SummaryListener } from './record-batcher.ts';

export class Hub {
  private sessions = new Map<string, Session>();
  private batcher: RecordBatcher;
  private unsubscribe = new Map<string, () => void>();
  /** With --redis: the other processes' sessions, and the way to their records. */
  private peers: ClusterSessions | null = null;
  /** When a page last showed each session (for removing the least recently used shared file). */
  private lastUsed = new Map<string, number>();

  constructor(
    private io: HubServer,
    private opts: HubOptions,
  ) {
    this.batcher = new RecordBatcher(
      io,
      (id) => this.sessions.get(id)?.summaries.takeChanged() ?? [],
    );
    io.on('connection', (socket) =>
      servePage(socket, opts, {
        get: (id) => this.sessions.get(id),
        peers: () => this.peers,
        list: () => this.sessionList(),
        flush: () => this.batcher.flush(),
        touch: (id) => this.lastUsed.set(id, performance.now()),
      }),
    );
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
    this.follow(session);
    this.sessionsChanged();
  }

  /** Queues the session's records and corrections for its pages, under its id. */
  private follow(session: Session): void {
    const id = session.id;
    const offRecord = session.onRecord((r) => this.batcher.queue(id, r));
    const offCorrection = session.onCorrection((recNo, analysis) =>
      this.batcher.queueCorrection(id, recNo, analysis),
    );
    this.unsubscribe.set(id, () => {
      offRecord();
      offCorrection();
    });
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
        const watchers = this.io.sockets.adapter.rooms.get(sessionRoom(s.id))?.size ?? 0;
        if (watchers > 0) this.lastUsed.set(s.id, now);
        return { id: s.id, title: s.title, watchers, lastUsed: this.lastUsed.get(s.id) ?? 0 };
      });
  }

  removeSession(id: string): void {
    this.unsubscribe.get(id)?.();
    this.unsubscribe.delete(id);
    this.sessions.delete(id);
    this.batcher.drop(id);
    this.lastUsed.delete(id);
    this.io.in(sessionRoom(id)).socketsLeave(sessionRoom(id));
    this.sessionsChanged();
  }

  /**
   * Files `old` (the live session) under `id`, closed, and puts `fresh` in its place: pages
   * showing the live session stay in its room and start over on the new one.
   */
  replaceSession(old: Session, id: string, fresh: Session): void {
    this.batcher.flush(); // what the old one queued goes out under its old id first
    this.unsubscribe.get(old.id)?.();
    this.sessions.delete(old.id);
    this.unsubscribe.delete(old.id);
    old.retire(id);
    this.sessions.set(old.id, old);
    this.sessions.set(fresh.id, fresh);
    this.follow(fresh);
    this.sessionsChanged();
  }

  /** Hears the summaries every batch sends, per session (the class roster counts them). */
  onSummaries(listener: SummaryListener): void {
    this.batcher.onSummaries(listener);
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
}
