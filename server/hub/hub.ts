/**
 * The socket.io hub: a page gets `hello` on connection, joins a session with the last record
 * number it has, gets what it missed a page at a time, then ordered `records` batches. Sends go to
 * the built-in clients. Every handler is registered through GuardedEvents.
 */
import type { DefaultEventsMap, Server, Socket } from 'socket.io';
import type {
  CaptureStatus,
  ClientToServerEvents,
  EchoInfo,
  JoinResult,
  SendRequest,
  SendResult,
  ServerToClientEvents,
  SessionRecord,
} from '../../core/protocol.ts';
import { MAX_JOIN_SUMMARIES } from '../../core/protocol.ts';
import { joinSchema, sendSchema } from './messages.ts';
import { roleOf, type GuardedEvents } from './guarded-events.ts';
import type { Session } from './session.ts';
import type { SocketData } from '../auth/socket-data.ts';

export type HubServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  DefaultEventsMap,
  SocketData
>;
export type HubSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  DefaultEventsMap,
  SocketData
>;

/** Records handed to a page in one batch, at most. */
const BATCH_LIMIT = 5000;
/** Records in one join reply, at most: a join of a few bytes never costs more than a page. */
export const JOIN_PAGE = 2000;
/** Shared capture files held at once (each bounded by maxRecords). */
const MAX_FILE_SESSIONS = 8;
/** Sends one page may have in flight at once. */
const MAX_SENDS_IN_FLIGHT = 4;

export interface HubOptions {
  echo: EchoInfo;
  capture: () => CaptureStatus;
  send: (req: SendRequest) => Promise<SendResult>;
  maxRecords: number;
  /** Registers every event handler: role check, rates, validation, errors as replies. */
  events: GuardedEvents;
  /** --private: pages are told exports are for the presenter only. */
  private?: boolean;
  /** Whether this page reconnects after being dropped for not reading (see slow-readers.ts). */
  fellBehind?: (socket: HubSocket) => boolean;
}

export class Hub {
  private sessions = new Map<string, Session>();
  private pending = new Map<string, SessionRecord[]>();
  private unsubscribe = new Map<string, () => void>();
  private flushScheduled = false;

  constructor(
    private io: HubServer,
    private opts: HubOptions,
  ) {
    io.on('connection', (socket) => this.onConnection(socket));
  }

  addSession(session: Session): void {
    this.sessions.set(session.id, session);
    this.unsubscribe.set(
      session.id,
      session.onRecord((r) => this.queue(session.id, r)),
    );
    this.io.emit('sessions', this.sessionList());
  }

  /** Adds a session from a shared file; the oldest file sessions go past MAX_FILE_SESSIONS. */
  addFileSession(session: Session): void {
    const files = [...this.sessions.values()].filter((s) => s.kind === 'file');
    for (const old of files.slice(0, Math.max(0, files.length - MAX_FILE_SESSIONS + 1))) {
      this.removeSession(old.id);
    }
    this.addSession(session);
  }

  removeSession(id: string): void {
    this.unsubscribe.get(id)?.();
    this.unsubscribe.delete(id);
    this.sessions.delete(id);
    this.pending.delete(id);
    this.io.in(room(id)).socketsLeave(room(id));
    this.io.emit('sessions', this.sessionList());
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
    this.io.emit('sessions', this.sessionList());
  }

  getSession(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  listSessions(): Session[] {
    return [...this.sessions.values()];
  }

  /** Tells every page the session list again (a session's info changed: closed, cut, stopped). */
  sessionsChanged(): void {
    this.io.emit('sessions', this.sessionList());
  }

  captureChanged(status: CaptureStatus): void {
    this.io.emit('capture', status);
  }

  private sessionList() {
    return [...this.sessions.values()].map((s) => s.info());
  }

  // Records are batched per tick: many steps in one burst go out as one message, in order.
  private queue(id: string, r: SessionRecord): void {
    let list = this.pending.get(id);
    if (!list) this.pending.set(id, (list = []));
    list.push(r);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  // One emit per batch to the session's room: socket.io encodes it once for every viewer.
  private flush(): void {
    this.flushScheduled = false;
    for (const [session, records] of this.pending) {
      const summaries = this.sessions.get(session)?.summaries.takeChanged() ?? [];
      for (let i = 0; i < records.length; i += BATCH_LIMIT) {
        const last = i + BATCH_LIMIT >= records.length;
        this.io.to(room(session)).emit('records', {
          session,
          records: records.slice(i, i + BATCH_LIMIT),
          summaries: last ? summaries : [],
        });
      }
    }
    this.pending.clear();
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
      ...(this.opts.fellBehind?.(socket) ? { fellBehind: true } : {}),
    });

    events.on(socket, 'join', joinSchema, (req): JoinResult => {
      const session = this.sessions.get(req.session);
      if (!session) return { ok: false, error: `No session named "${req.session}".` };
      for (const r of socket.rooms) if (r !== socket.id) void socket.leave(r);
      // Flush first so records already queued are not sent twice (once here, once in a batch).
      this.flush();
      void socket.join(room(session.id));
      // One page per join: the page asks again while it is behind.
      const { records, gap } = session.since(req.after, JOIN_PAGE);
      const summaries = session.summaries.all().slice(-MAX_JOIN_SUMMARIES);
      return { ok: true, session: session.info(), records, summaries, gap };
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

function room(session: string): string {
  return `session:${session}`;
}
