/**
 * What one page's connection gets and may ask: `hello` on connection, `join` (a session's records
 * a page at a time, then its batches), `range` (older records by number) and `send` (the
 * built-in clients). Every handler is registered through GuardedEvents.
 */
import type { JoinResult, RangeResult, SendResult } from '../../core/protocol.ts';
import { MAX_JOIN_SUMMARIES } from '../../core/protocol.ts';
import { joinSchema, rangeSchema, sendSchema } from './messages.ts';
import { roleOf } from './guarded-events.ts';
import { enterSessionRoom, type HubSocket } from './hub-server.ts';
import type { HubOptions } from './hub-options.ts';
import type { Session } from './session.ts';
import type { ClusterSessions } from '../cluster/cluster-sessions.ts';
import type { SessionInfo } from '../../core/protocol.ts';

/** Records in one join reply, at most: a join of a few bytes never costs more than a page. */
export const JOIN_PAGE = 2000;
/** Records a range request looks at, at most (it says where to go on from). */
export const RANGE_SCAN = 50_000;
/** Sends one page may have in flight at once. */
const MAX_SENDS_IN_FLIGHT = 4;

/** What the page handlers read of the hub. */
export interface PageSessions {
  get(id: string): Session | undefined;
  /** With --redis: the other processes' sessions. */
  peers(): ClusterSessions | null;
  list(): SessionInfo[];
  /** Sends the batches waiting now (before a join reply, so no record comes twice). */
  flush(): void;
  /** A page shows this session now. */
  touch(id: string): void;
}

export function servePage(socket: HubSocket, opts: HubOptions, sessions: PageSessions): void {
  let inFlight = 0;
  const events = opts.events;
  events.refuseUnknown(socket);
  socket.emit('hello', {
    echo: opts.echo,
    capture: opts.capture(),
    sessions: sessions.list(),
    maxRecords: opts.maxRecords,
    role: roleOf(socket),
    ...(opts.private ? { private: true } : {}),
    ...(opts.maxUploadBytes ? { maxUploadBytes: opts.maxUploadBytes } : {}),
    ...(opts.fellBehind?.(socket) ? { fellBehind: true } : {}),
    ...(opts.live !== undefined && { live: opts.live }),
    ...(opts.cluster && { cluster: opts.cluster() }),
  });

  events.on(socket, 'join', joinSchema, async (req): Promise<JoinResult> => {
    const session = sessions.get(req.session);
    const peers = sessions.peers();
    if (!session && peers?.has(req.session)) {
      // Another process writes it: its batches reach this room through the adapter; what came
      // before is asked of the owner. Batches arriving meanwhile wait in the page, which drops
      // the records it already holds by record number.
      enterSessionRoom(socket, req.session);
      const answer = await peers.history({
        session: req.session,
        after: req.after,
        limit: JOIN_PAGE,
      });
      return { ok: true, ...answer };
    }
    if (!session) return { ok: false, error: `No session named "${req.session}".` };
    // Flush first so records already queued are not sent twice (once here, once in a batch).
    sessions.flush();
    enterSessionRoom(socket, session.id);
    sessions.touch(session.id);
    // One page per join: the page asks again while it is behind.
    const { records, gap } = session.since(req.after, JOIN_PAGE);
    const summaries =
      req.summaries === false ? [] : session.summaries.all().slice(-MAX_JOIN_SUMMARIES);
    return { ok: true, session: session.info(), records, summaries, gap };
  });

  events.on(socket, 'range', rangeSchema, async (req): Promise<RangeResult> => {
    const session = sessions.get(req.session);
    const peers = sessions.peers();
    // Another process's session: its owner reads the range, as it would for its own page.
    if (!session && peers?.has(req.session)) return { ok: true, ...(await peers.range(req)) };
    if (!session) return { ok: false, error: `No session named "${req.session}".` };
    return { ok: true, ...session.range(req.from, req.to, req.conv, JOIN_PAGE, RANGE_SCAN) };
  });

  events.on(socket, 'send', sendSchema, async (req): Promise<SendResult> => {
    if (inFlight >= MAX_SENDS_IN_FLIGHT) {
      return { ok: false, error: 'Too many sends at once; wait for the last ones to finish.' };
    }
    inFlight++;
    try {
      return await opts.send(req);
    } finally {
      inFlight--;
    }
  });
}
