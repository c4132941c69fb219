/**
 * Sessions across the processes that share Redis. Each session has one owner, the process that
 * writes it (its echo endpoints, or the file shared with it); the owner says which sessions it
 * holds, and answers the others' requests for records (a viewer joining elsewhere, or catching
 * up after a gap). Live records themselves travel as socket.io room broadcasts.
 */
import type { RangeRequest, SessionInfo, SessionRecord } from '../../core/protocol.ts';
import type { SessionListEntry } from '../../core/session-list-entry.ts';
import type { HubServer } from '../hub/hub-server.ts';
import { askOthers } from './ask-others.ts';
import {
  historyAnswerSchema,
  historyRequestSchema,
  rangeAnswerSchema,
  rangeRequestSchema,
  sessionRowsSchema,
  sessionsNoticeSchema,
  type HistoryAnswer,
  type HistoryRequest,
} from './cluster-events.ts';

/** How often a process says its sessions again, even unchanged (it carries the record counts). */
const ANNOUNCE_MS = 5000;
/** A process not heard of for this long is gone: its sessions leave the list. */
const FORGET_MS = 3 * ANNOUNCE_MS;

export interface ClusterSessionsOptions {
  io: HubServer;
  /** This process's id (8 hex digits). */
  node: string;
  /** This process's own sessions. */
  local(): SessionInfo[];
  /** Older records of one of this process's sessions, for another process; null when not ours. */
  range(req: RangeRequest): { records: SessionRecord[]; next: number | null } | null;
  /** This process's own sessions as rows of `GET /api/sessions`. */
  rows(): SessionListEntry[];
  /** Records of one of this process's sessions, for another process; null when not ours. */
  history(req: HistoryRequest): HistoryAnswer | null;
  /** The other processes' sessions changed: tell this process's pages. */
  changed(): void;
  /** Whether Redis is reachable now (while it is not, nobody is forgotten: nobody is heard). */
  up(): boolean;
  log(line: string): void;
}

export class ClusterSessions {
  #remote = new Map<string, { sessions: SessionInfo[]; seen: number }>();
  #timer: ReturnType<typeof setInterval>;

  constructor(private opts: ClusterSessionsOptions) {
    const { io } = opts;
    io.on('clusterSessions', (notice) => {
      const parsed = sessionsNoticeSchema.safeParse(notice);
      if (!parsed.success) return opts.log('a server process sent a malformed session list.');
      if (parsed.data.node === opts.node) return;
      this.#remote.set(parsed.data.node, { sessions: parsed.data.sessions, seen: Date.now() });
      opts.changed();
    });
    io.on('clusterWho', () => this.announce());
    io.on('clusterRange', (req, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = rangeRequestSchema.safeParse(req);
      ack(parsed.success ? opts.range(parsed.data) : null);
    });
    io.on('clusterList', (ack) => {
      if (typeof ack === 'function') ack(opts.rows());
    });
    io.on('clusterHistory', (req, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = historyRequestSchema.safeParse(req);
      ack(parsed.success ? opts.history(parsed.data) : null);
    });
    this.#timer = setInterval(() => {
      if (!opts.up()) return;
      this.announce();
      this.#forgetSilent();
    }, ANNOUNCE_MS);
    this.#timer.unref();
  }

  /** Tells the other processes this one's sessions. */
  announce(): void {
    this.opts.io.serverSideEmit('clusterSessions', {
      node: this.opts.node,
      sessions: this.opts.local(),
    });
  }

  /** After (re)joining: say our sessions and ask everyone else for theirs. */
  rejoined(): void {
    // The others get a full period to be heard again before they are forgotten.
    const now = Date.now();
    for (const r of this.#remote.values()) r.seen = now;
    this.announce();
    this.opts.io.serverSideEmit('clusterWho');
  }

  /** The other processes' sessions (one entry per id). */
  list(): SessionInfo[] {
    const seen = new Set(this.opts.local().map((s) => s.id));
    const out: SessionInfo[] = [];
    for (const { sessions } of this.#remote.values()) {
      for (const s of sessions) {
        if (seen.has(s.id)) continue;
        seen.add(s.id);
        out.push(s);
      }
    }
    return out;
  }

  /**
   * The other processes' sessions as rows of `GET /api/sessions`, asked of them now (fresh
   * counts); a process that does not answer within the adapter's 5 s is left out.
   */
  async rows(): Promise<SessionListEntry[]> {
    const seen = new Set(this.opts.local().map((s) => s.id));
    const out: SessionListEntry[] = [];
    for (const answer of await askOthers(this.opts.io, 'clusterList')) {
      const parsed = sessionRowsSchema.safeParse(answer);
      if (!parsed.success) {
        this.opts.log('a server process sent a malformed session list.');
        continue;
      }
      for (const row of parsed.data) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        out.push(row);
      }
    }
    return out;
  }

  /** Asks the owner of a session for a range of its records; throws a one-line Error. */
  async range(req: RangeRequest): Promise<{ records: SessionRecord[]; next: number | null }> {
    for (const a of await askOthers(this.opts.io, 'clusterRange', req)) {
      if (a === null || a === undefined) continue;
      const parsed = rangeAnswerSchema.safeParse(a);
      if (parsed.success)
        return parsed.data as unknown as { records: SessionRecord[]; next: number | null };
      this.opts.log(`the server process holding session ${req.session} sent malformed records.`);
    }
    throw new Error(
      `The server process holding session "${req.session}" did not answer; try again in a moment.`,
    );
  }

  has(id: string): boolean {
    for (const { sessions } of this.#remote.values())
      if (sessions.some((s) => s.id === id)) return true;
    return false;
  }

  /** Asks the owner of a session for its records after `after`; throws a one-line Error. */
  async history(req: HistoryRequest): Promise<HistoryAnswer> {
    const answers = await askOthers(this.opts.io, 'clusterHistory', req);
    for (const a of answers) {
      if (a === null || a === undefined) continue;
      const parsed = historyAnswerSchema.safeParse(a);
      if (parsed.success && parsed.data.session.id === req.session)
        return parsed.data as unknown as HistoryAnswer;
      this.opts.log(`the server process holding session ${req.session} sent malformed records.`);
    }
    throw new Error(
      `The server process holding session "${req.session}" did not answer; try again in a moment.`,
    );
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #forgetSilent(): void {
    const now = Date.now();
    let gone = false;
    for (const [node, { seen }] of this.#remote) {
      if (now - seen > FORGET_MS) {
        this.#remote.delete(node);
        gone = true;
      }
    }
    if (gone) this.opts.changed();
  }
}
