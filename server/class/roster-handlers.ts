/**
 * The class roster on the server: the live session's conversation summaries, as each batch sends
 * them, grouped by client address (core/class/roster.ts); presenters get it whole on connection,
 * then the rows that changed at most every ROSTER_INTERVAL_MS; they may clear it or put it aside.
 * Each process counts its own echo endpoints' clients for its own pages (with --redis too).
 */
import { randomBytes } from 'node:crypto';
import type { ConversationSummary } from '../../core/analysis/conversation-summary.ts';
import type { RosterArchiveInfo, RosterUpdate } from '../../core/class/class-protocol.ts';
import { Roster, type RosterRow } from '../../core/class/roster.ts';
import type { HubServer } from '../hub/hub-server.ts';
import { roleOf, type GuardedEvents } from '../hub/guarded-events.ts';
import { PRESENTERS } from './class-handlers.ts';
import { rosterArchiveSchema, rosterClearSchema } from './class-messages.ts';

/** Changed rows go out at most this often (a class connecting at once is one message, not 30). */
export const ROSTER_INTERVAL_MS = 250;
/** Rosters put aside, at most; the oldest goes first. */
export const MAX_ARCHIVES = 8;

export interface RosterOptions {
  /** The live session now (students' clients talk to its echo endpoints; a new one may replace it). */
  live(): { id: string; summaries: { all(): ConversationSummary[] } };
  /** Hears the summaries each batch sends, per session (Hub#onSummaries). */
  onSummaries(listener: (session: string, summaries: ConversationSummary[]) => void): void;
}

interface Archive {
  info: RosterArchiveInfo;
  rows: RosterRow[];
}

export function attachRoster(io: HubServer, events: GuardedEvents, opts: RosterOptions): Roster {
  const roster = new Roster();
  for (const s of opts.live().summaries.all()) roster.update(s);
  roster.take();
  const archives: Archive[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const whole = (): RosterUpdate => ({
    reset: true,
    rows: roster.rows(),
    removed: [],
    archives: archives.map((a) => a.info),
  });
  const sendChanges = () => {
    timer = undefined;
    const { rows, removed } = roster.take();
    if (rows.length || removed.length)
      io.local.to(PRESENTERS).emit('roster', { reset: false, rows, removed });
  };

  opts.onSummaries((session, summaries) => {
    if (session !== opts.live().id || summaries.length === 0) return;
    for (const s of summaries) roster.update(s);
    timer ??= setTimeout(sendChanges, ROSTER_INTERVAL_MS);
  });

  io.on('connection', (socket) => {
    if (roleOf(socket) === 'presenter') socket.emit('roster', whole());
    events.on(socket, 'rosterClear', rosterClearSchema, (req) => {
      const rows = roster.clear();
      if (req.archive && rows.length > 0) {
        const info = { id: randomBytes(6).toString('hex'), at: Date.now(), rows: rows.length };
        archives.unshift({ info, rows });
        archives.length = Math.min(archives.length, MAX_ARCHIVES);
      }
      io.local.to(PRESENTERS).emit('roster', whole());
      return { ok: true as const };
    });
    events.on(socket, 'rosterArchive', rosterArchiveSchema, (req) => {
      const a = archives.find((x) => x.info.id === req.id);
      return a
        ? { ok: true as const, rows: a.rows }
        : { ok: false as const, error: 'That roster is no longer kept.' };
    });
  });
  return roster;
}
