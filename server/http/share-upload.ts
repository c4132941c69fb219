/**
 * POST /api/sessions?name=…[&socket=…]: a capture file shared with the class. The body streams
 * into a share worker as it arrives (never held whole): over --max-upload-mb it is refused with
 * 413 at once; past --upload-timeout of waiting for the client, 408. The sending page (its
 * socket.io id in `socket`) is told how far it got; the answer is the new session's info.
 */
import type http from 'node:http';
import type { SessionInfo } from '../../core/protocol.ts';
import type { ShareProgress, ShareResult } from '../../core/share-protocol.ts';
import type { Session } from '../hub/session.ts';
import { ShareParseError, type ShareWorkers } from '../sessions/share-workers.ts';
import { replyError as fail, replyJson as json } from './reply.ts';

/** Chunks handed to the worker and not read yet before the body is paused. */
const MAX_BACKLOG = 8;
/** Progress messages to the sending page, at most one per this many ms. */
const PROGRESS_MS = 100;
const MIB = 1024 * 1024;

export interface ShareLimits {
  /** Files being shared at once. */
  concurrent: number;
  /** Milliseconds the server may wait on the client for the body (time spent reading it is not counted). */
  timeoutMs: number;
  /** Largest file, in bytes. */
  maxBytes: number;
}

export interface ShareTarget {
  uploads: ShareLimits;
  /** Start of shared files' session ids ('file-'; with --redis it names the process too). */
  fileIdPrefix?: string;
  maxRecords: number;
  workers: ShareWorkers;
  /** Why no file session can be added now (every shared file is being watched), if so. */
  noRoom(): string | undefined;
  /** Adds the session; the titles of the file sessions removed to make room, or why it could not. */
  addFile(session: Session): { ok: true; evicted: string[] } | { ok: false; error: string };
  /** Tells the page with socket.io id `to` how its share is going. */
  progress(to: string, p: ShareProgress): void;
}

/** What a successful share answers: the session, and the files removed to make room for it. */
export type SharedSession = SessionInfo & ShareResult;

let fileCounter = 0;

export function shareUploads(target: ShareTarget) {
  let uploading = 0;
  return async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    query: URLSearchParams,
  ): Promise<void> => {
    const { uploads } = target;
    const name = cleanFileName(query.get('name') ?? 'capture');
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > uploads.maxBytes) return tooBig(req, res, uploads.maxBytes);
    if (uploading >= uploads.concurrent) {
      req.resume();
      fail(res, 429, `${uploads.concurrent} files are being shared now; try again shortly.`);
      return;
    }
    const noRoom = target.noRoom();
    if (noRoom) {
      req.resume();
      fail(res, 409, noRoom);
      return;
    }
    uploading++;
    try {
      await receive(req, res, name, Number.isFinite(declared) ? declared : 0, target, query);
    } finally {
      uploading--;
    }
  };
}

/** Shared file names lose control and bidirectional-override characters (they could disguise it). */
export function cleanFileName(name: string): string {
  const clean = name.replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '').trim();
  return clean.slice(0, 120) || 'capture';
}

// The connection is closed after the answer, so the rest of the body is never read.
function tooBig(req: http.IncomingMessage, res: http.ServerResponse, max: number): void {
  res.setHeader('connection', 'close');
  fail(res, 413, `The file is larger than ${max / MIB} MB, the most this server takes.`);
  res.on('finish', () => req.destroy());
}

function receive(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  name: string,
  total: number,
  target: ShareTarget,
  query: URLSearchParams,
): Promise<void> {
  const { uploads } = target;
  const id = `${target.fileIdPrefix ?? 'file-'}${++fileCounter}`;
  const to = query.get('socket');
  const sender = to && /^[\w-]{1,64}$/.test(to) ? to : undefined;
  let bytes = 0;
  let packets = 0;
  let told = 0;
  const tell = (force = false) => {
    if (!sender || (!force && performance.now() - told < PROGRESS_MS)) return;
    told = performance.now();
    target.progress(sender, { name, bytes, total, packets });
  };
  const parse = target.workers.parse({ id, title: name, maxRecords: target.maxRecords }, (p) => {
    // The first packets read are told at once: a small file is read before the next tick.
    const first = packets === 0 && p.packets > 0;
    packets = p.packets;
    tell(first);
    if (req.isPaused() && parse.backlog <= MAX_BACKLOG / 2 && !req.readableEnded) req.resume();
    // Only the time the server waits on the client counts, not the time it reads what it has.
    if (parse.backlog === 0 && !req.readableEnded) timer.resume();
  });
  const timer = pausableTimer(uploads.timeoutMs, () => {
    parse.abort();
    fail(res, 408, `The file did not arrive within ${uploads.timeoutMs / 1000} s.`);
    req.destroy();
  });

  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > uploads.maxBytes) {
      tooBig(req, res, uploads.maxBytes);
      req.pause();
      return parse.abort();
    }
    parse.write(chunk);
    timer.pause();
    tell();
    // The worker reads slower than loopback delivers: hold the body back instead of buffering it.
    if (parse.backlog > MAX_BACKLOG) req.pause();
  });
  req.on('error', () => undefined);
  // The client went away, or the body timed out or was too big.
  req.on('close', () => req.readableEnded || parse.abort());
  req.on('end', () => {
    timer.stop();
    if (bytes > 0) {
      tell(true);
      void parse.end();
    } else {
      fail(res, 400, 'The request carried no file.');
      parse.abort();
    }
  });
  return parse.result.then(
    (session) => {
      const added = target.addFile(session);
      if (added.ok) json(res, 201, { ...session.info(), evicted: added.evicted });
      else fail(res, 409, added.error);
    },
    (err: unknown) => {
      timer.stop();
      if (res.headersSent || res.destroyed) return;
      const unreadable = err instanceof ShareParseError && err.unreadable;
      const line = `${name}: ${(err as Error).message}`;
      if (req.readableEnded) return void fail(res, unreadable ? 400 : 500, line);
      // Refused before the body's end: answer now and close, the rest is never read.
      res.setHeader('connection', 'close');
      fail(res, unreadable ? 400 : 500, line);
      res.on('finish', () => req.destroy());
    },
  );
}

/** A timeout that can be held while the server itself holds the body back. */
function pausableTimer(ms: number, fire: () => void) {
  let left = ms;
  let started = performance.now();
  let timer: NodeJS.Timeout | undefined = setTimeout(fire, left);
  return {
    pause() {
      if (!timer) return;
      clearTimeout(timer);
      timer = undefined;
      left -= performance.now() - started;
    },
    resume() {
      if (timer || left === Infinity) return;
      started = performance.now();
      timer = setTimeout(fire, Math.max(0, left));
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      left = Infinity;
    },
  };
}
