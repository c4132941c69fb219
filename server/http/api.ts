/**
 * The REST side: list sessions, save one as pcapng, share an opened capture file as a new session.
 * Every request is checked; errors are one line of JSON `{ "error": "…" }` with a 4xx status.
 */
import type http from 'node:http';
import { PcapngWriter } from '../../core/pcap/index.ts';
import type { Session } from '../hub/session.ts';
import { frameRoute } from './frame-route.ts';
import { replyError as fail, replyJson as json } from './reply.ts';
import { decodeSegment } from './request-url.ts';
import { exportRoute, sendExport, type ExportFile } from './export-routes.ts';
import { sessionListEntry, type SessionListEntry } from './session-list.ts';
import { shareUploads, type ShareTarget } from './share-upload.ts';

export interface ApiSessions {
  get(id: string): Session | undefined;
  list(): Session[];
  /** Where shared capture files go (the caller checked writeRefusal first). */
  share: ShareTarget;
  /** Why this request may not write (cross-origin, form content type, not the presenter). */
  writeRefusal(req: http.IncomingMessage): { status: number; error: string } | undefined;
  /** Why this request may not read a session's packets or exports (--private, a viewer). */
  readRefusal?(req: http.IncomingMessage): { status: number; error: string } | undefined;
  /** With --redis: the sessions other server processes hold. */
  elsewhere?: OtherProcesses;
}

/** The sessions of the other server processes sharing Redis, as the API serves them. */
export interface OtherProcesses {
  /** Their rows of the session list. */
  rows(): Promise<SessionListEntry[]>;
  /** An export of their session `id`; null when no process holds it. */
  exportOf(
    id: string,
    file: string,
    query: URLSearchParams,
  ): Promise<{ status: 200; file: ExportFile } | { status: number; error: string } | null>;
}

export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: { pathname: string; query: URLSearchParams },
) => boolean | Promise<void>;

/**
 * Returns false when the path is not under /api/; otherwise it answers, and returns a promise
 * when the answer comes later (so the caller can catch what it throws).
 */
export function apiHandler(sessions: ApiSessions): Handler {
  const upload = shareUploads(sessions.share);
  return (req, res, url) => {
    if (!url.pathname.startsWith('/api/')) return false;
    const parts = url.pathname.split('/').filter(Boolean); // ['api', 'sessions', id, 'capture.pcapng']
    if (parts[1] !== 'sessions') {
      return fail(res, 404, `No such API path: ${JSON.stringify(url.pathname.slice(0, 80))}`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const refused = sessions.writeRefusal(req);
      if (refused) {
        req.resume();
        return fail(res, refused.status, refused.error);
      }
    }
    if (parts.length === 2 && req.method === 'GET') {
      const own = sessions.list().map(sessionListEntry);
      const others = sessions.elsewhere;
      if (!others) return json(res, 200, own);
      return others.rows().then((rows) => void json(res, 200, [...own, ...rows]));
    }
    if (parts.length === 2 && req.method === 'POST') {
      return upload(req, res, url.query);
    }
    if (parts.length >= 4 && req.method === 'GET') {
      const id = decodeSegment(parts[2]!);
      if (id === undefined) return fail(res, 400, 'The session name has a malformed %-escape.');
      const session = sessions.get(id);
      const refused = sessions.readRefusal?.(req);
      if (!session && parts.length === 4 && parts[3]!.startsWith('export.') && sessions.elsewhere) {
        if (refused) return fail(res, refused.status, refused.error);
        return exportElsewhere(res, sessions.elsewhere, id, parts[3]!, url.query);
      }
      if (!session) return fail(res, 404, noSuchSession(id));
      if (refused) return fail(res, refused.status, refused.error);
      if (parts.length === 4 && parts[3] === 'capture.pcapng') return savePcapng(res, session);
      if (parts.length === 5 && parts[3] === 'frames') {
        const { status, body } = frameRoute(session, parts[4]!);
        return json(res, status, body);
      }
      if (parts.length === 4 && parts[3]!.startsWith('export.')) {
        return exportRoute(res, session, parts[3]!, url.query);
      }
    }
    return fail(
      res,
      405,
      `${req.method} ${JSON.stringify(url.pathname.slice(0, 80))} is not supported.`,
    );
  };
}

const noSuchSession = (id: string) => `No session named ${JSON.stringify(id.slice(0, 80))}.`;

/** An export of a session another server process holds, streamed from it a part at a time. */
async function exportElsewhere(
  res: http.ServerResponse,
  others: OtherProcesses,
  id: string,
  file: string,
  query: URLSearchParams,
): Promise<void> {
  const answer = await others.exportOf(id, file, query);
  if (!answer) return void fail(res, 404, noSuchSession(id));
  if (answer.status !== 200 || !('file' in answer))
    return void fail(res, answer.status, 'error' in answer ? answer.error : 'Export failed.');
  sendExport(res, answer.file);
}

/**
 * Streams the session as pcapng, a few packets at a time, waiting for 'drain' whenever the
 * socket's buffer is full: a client that never reads holds at most about one buffer.
 */
function savePcapng(res: http.ServerResponse, session: Session): true | Promise<void> {
  if (!session.frames || session.frames.size === 0) {
    return fail(res, 409, 'This session has no captured packets to save (was capture on?).');
  }
  // References only (the bytes stay shared): the ring may move on while a slow client reads.
  const frames = [...session.frames];
  const writer = new PcapngWriter({ comment: `Packet Ladder session ${session.title}` });
  const name = `packet-ladder-${session.id}.pcapng`.replace(/[^\w.-]/g, '_');
  res.writeHead(200, {
    'content-type': 'application/vnd.tcpdump.pcap',
    'content-disposition': `attachment; filename="${name}"`,
  });
  return (async () => {
    let full = !res.write(writer.header());
    for (const frame of frames) {
      if (res.destroyed) return;
      if (full) {
        const goOn = await drained(res);
        if (!goOn) return;
      }
      full = !res.write(writer.packet(frame));
    }
    res.end();
  })();
}

/** Resolves true on 'drain', false when the client went away first. */
function drained(res: http.ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}
