/**
 * Exports of a session held by another server process (`GET /api/sessions/<id>/export.<fmt>` on a
 * process that does not own `<id>`). The owner makes the file exactly as for its own pages and
 * hands it over a part of about 256 KiB at a time; the next part is asked for only once the
 * previous one was written to the client, so neither process holds more than a part of it.
 */
import { randomBytes } from 'node:crypto';
import type { HubServer } from '../hub/hub-server.ts';
import type { Session } from '../hub/session.ts';
import { exportFile, type ExportFile } from '../http/export-routes.ts';
import { askOthers } from './ask-others.ts';
import {
  exportAnswerSchema,
  exportPartSchema,
  exportRequestSchema,
  exportStreamSchema,
  type ExportPart,
} from './cluster-events.ts';

/** Bytes gathered into one part (one chunk more at most). */
const PART_BYTES = 256 * 1024;
/** An export nobody asked the next part of for this long is dropped. */
const IDLE_MS = 30_000;
/** Exports one process serves to the others at once. */
const MAX_OPEN = 16;

type Chunks = AsyncIterator<string | Uint8Array>;

/** The owner's side: answers the other processes' export requests for its own sessions. */
export function serveExports(io: HubServer, get: (id: string) => Session | undefined): () => void {
  const open = new Map<string, { chunks: Chunks; timer: ReturnType<typeof setTimeout> }>();
  const drop = (stream: string) => {
    const e = open.get(stream);
    if (!e) return;
    clearTimeout(e.timer);
    open.delete(stream);
    void e.chunks.return?.();
  };
  const next = async (stream: string, chunks: Chunks): Promise<ExportPart> => {
    const part = await readPart(chunks);
    if (part.done) drop(stream);
    else {
      const e = open.get(stream);
      if (e) {
        clearTimeout(e.timer);
        e.timer = setTimeout(() => drop(stream), IDLE_MS);
      }
    }
    return part;
  };

  io.on('clusterExport', (req, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = exportRequestSchema.safeParse(req);
    const session = parsed.success ? get(parsed.data.session) : undefined;
    if (!parsed.success || !session) return ack(null);
    const { stream, file, query } = parsed.data;
    if (open.size >= MAX_OPEN)
      return ack({ status: 503, error: 'Too many exports at once; try again in a moment.' });
    const answer = exportFile(session, file, new URLSearchParams(query));
    if (answer.status !== 200) return ack(answer);
    const chunks = asAsync(answer.file.chunks);
    open.set(stream, { chunks, timer: setTimeout(() => drop(stream), IDLE_MS) });
    const { name, contentType } = answer.file;
    next(stream, chunks).then(
      (part) => ack({ status: 200, name, contentType, part }),
      () => {
        drop(stream);
        ack({ status: 503, error: 'The export failed on the server holding the session.' });
      },
    );
  });
  io.on('clusterExportMore', (req, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = exportStreamSchema.safeParse(req);
    const e = parsed.success ? open.get(parsed.data.stream) : undefined;
    if (!parsed.success || !e) return ack(null);
    next(parsed.data.stream, e.chunks).then(ack, () => {
      drop(parsed.data.stream);
      ack(null);
    });
  });
  io.on('clusterExportEnd', (req) => {
    const parsed = exportStreamSchema.safeParse(req);
    if (parsed.success) drop(parsed.data.stream);
  });
  return () => {
    for (const stream of [...open.keys()]) drop(stream);
  };
}

/**
 * The asking side: the file, or why not. null when no process holds the session. The file's
 * chunks are fetched as the client reads them; if the owner stops answering, they end in an
 * error (the response is cut, as a local export failing midway is).
 */
export async function fetchExport(
  io: HubServer,
  session: string,
  file: string,
  query: URLSearchParams,
): Promise<
  { status: 200; file: ExportFile } | { status: 400 | 404 | 409 | 503; error: string } | null
> {
  const stream = randomBytes(8).toString('hex');
  const req = { stream, session, file, query: query.toString() };
  let answer = null;
  for (const a of await askOthers(io, 'clusterExport', req)) {
    const parsed = exportAnswerSchema.safeParse(a);
    if (parsed.success) answer = parsed.data;
  }
  if (!answer) return null;
  if (answer.status !== 200) return answer;
  const first = answer.part;
  async function* parts(): AsyncGenerator<Uint8Array> {
    let part = first;
    let finished = false;
    try {
      for (;;) {
        yield part.data;
        if (part.done) break;
        const more = (await askOthers(io, 'clusterExportMore', { stream }))
          .map((p) => exportPartSchema.safeParse(p))
          .find((p) => p.success);
        if (!more) throw new Error('the server holding the session stopped answering');
        part = more.data;
      }
      finished = true;
    } finally {
      if (!finished) io.serverSideEmit('clusterExportEnd', { stream });
    }
  }
  return {
    status: 200,
    file: { name: answer.name, contentType: answer.contentType, chunks: parts() },
  };
}

async function readPart(chunks: Chunks): Promise<ExportPart> {
  const bufs: Buffer[] = [];
  let size = 0;
  while (size < PART_BYTES) {
    const r = await chunks.next();
    if (r.done) return { data: Buffer.concat(bufs), done: true };
    const v = r.value;
    const b =
      typeof v === 'string' ? Buffer.from(v) : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    bufs.push(b);
    size += b.length;
  }
  return { data: Buffer.concat(bufs), done: false };
}

async function* asAsync(
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): AsyncGenerator<string | Uint8Array> {
  yield* chunks;
}
