/**
 * `GET /api/sessions/<id>/export.<pcapng|csv|mmd|json>[?conv=<conversation id>]`: a session,
 * or one of its conversations, as a file for another tool, streamed in chunks with backpressure.
 * The id must be a session the server holds and `conv` one of that session's conversations;
 * nothing from the request reaches the file system.
 */
import type http from 'node:http';
import {
  annotatedPcapng,
  sequenceMermaid,
  sessionJson,
  stepComments,
  stepsCsv,
  type ExportFrame,
} from '../../core/export/index.ts';
import type { SessionRecord } from '../../core/protocol.ts';
import type { Session } from '../hub/session.ts';
import { replyError as fail } from './reply.ts';
import { streamChunks } from './stream-chunks.ts';

/** The files a session exports to. */
export type ExportFormat =
  | 'pcapng' // packets, with socket steps as packet comments (Wireshark, tshark)
  | 'csv' // the steps table (spreadsheets)
  | 'mmd' // a Mermaid sequenceDiagram of one conversation (docs, slides)
  | 'json'; // the whole timeline, every record as sent to the page

const CONTENT_TYPES: Record<ExportFormat, string> = {
  pcapng: 'application/x-pcapng',
  csv: 'text/csv; charset=utf-8; header=present',
  mmd: 'text/vnd.mermaid; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Longest conversation id accepted (`tcp [v6 address]:port > [v6 address]:port` fits). */
const MAX_CONV = 120;

export type ExportAnswer =
  | { status: 200; format: ExportFormat; records: SessionRecord[]; conv: string | null }
  | { status: 400 | 404 | 409; error: string };

/** Validates the file name segment and the query against the session; pure of I/O. */
export function planExport(
  session: Session,
  fileSegment: string,
  query: URLSearchParams,
): ExportAnswer {
  const m = /^export\.(pcapng|csv|mmd|json)$/.exec(fileSegment);
  if (!m) {
    return {
      status: 404,
      error: 'Exports are export.pcapng, export.csv, export.mmd or export.json.',
    };
  }
  const format = m[1] as ExportFormat;
  const keys = [...query.keys()];
  if (keys.some((k) => k !== 'conv') || query.getAll('conv').length > 1) {
    return { status: 400, error: 'The only query parameter is one conv=<conversation id>.' };
  }
  const conv = query.get('conv');
  if (conv !== null && (conv.length > MAX_CONV || /\p{Cc}/u.test(conv))) {
    return { status: 400, error: 'conv is not a conversation id.' };
  }
  const all = session.since(0).records;
  const records = conv === null ? all : all.filter((r) => r.conv === conv);
  if (conv !== null && records.length === 0) {
    return { status: 404, error: 'This session has no such conversation.' };
  }
  if (format === 'mmd' && conv === null) {
    return { status: 400, error: 'A Mermaid diagram is of one conversation: add ?conv=<id>.' };
  }
  if (
    format === 'pcapng' &&
    !records.some((r) => r.type === 'packet' && session.frames?.at(r.no))
  ) {
    return {
      status: 409,
      error: 'There are no captured packets to save here (was capture on?).',
    };
  }
  return { status: 200, format, records, conv };
}

/** An export ready to be sent: its file name, content type and contents, made as it is read. */
export interface ExportFile {
  name: string;
  contentType: string;
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
}

/** The file a request asks for, or why not (the export of another process's session too). */
export function exportFile(
  session: Session,
  fileSegment: string,
  query: URLSearchParams,
): { status: 200; file: ExportFile } | { status: 400 | 404 | 409; error: string } {
  const plan = planExport(session, fileSegment, query);
  if (plan.status !== 200) return plan;
  const { format, records, conv } = plan;
  const stream = conv === null ? '' : `-${conversationNumber(records)}`;
  return {
    status: 200,
    file: {
      name: `packet-ladder-${session.id}${stream}.${format}`,
      contentType: CONTENT_TYPES[format],
      chunks: chunksOf(format, session, records, conv),
    },
  };
}

/** Answers the request; `fail` writes a one-line JSON error. */
export function exportRoute(
  res: http.ServerResponse,
  session: Session,
  fileSegment: string,
  query: URLSearchParams,
): true {
  const answer = exportFile(session, fileSegment, query);
  return answer.status === 200
    ? sendExport(res, answer.file)
    : fail(res, answer.status, answer.error);
}

/** Streams an export as an attachment; a failure midway cuts the response (and is logged). */
export function sendExport(res: http.ServerResponse, file: ExportFile): true {
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  void streamChunks(res, file.chunks).catch((err: Error) => {
    process.stderr.write(`packet-ladder: export ${file.name} stopped: ${err.message}\n`);
    res.destroy();
  });
  return true;
}

function chunksOf(
  format: ExportFormat,
  session: Session,
  records: SessionRecord[],
  conv: string | null,
): Iterable<string | Uint8Array> {
  const info = session.info();
  switch (format) {
    case 'csv':
      return stepsCsv(records, info.startTime);
    case 'mmd':
      return sequenceMermaid(records, conv!);
    case 'json':
      return sessionJson(conv === null ? info : { ...info, conv }, records);
    case 'pcapng':
      return annotatedPcapng(
        framesOf(session, records),
        stepComments(records),
        `Packet Ladder: ${session.title}${conv === null ? '' : ` — ${conv}`}`,
      );
  }
}

function* framesOf(session: Session, records: SessionRecord[]): Generator<ExportFrame> {
  for (const r of records) {
    if (r.type !== 'packet') continue;
    const frame = session.frames?.at(r.no);
    if (frame) yield { recNo: r.recNo, frame };
  }
}

/** tcp.stream / udp.stream of the conversation, for the file name; 'conv' when none is known. */
function conversationNumber(records: SessionRecord[]): string {
  for (const r of records)
    if (r.type === 'packet' && r.analysis) return `${r.proto.toLowerCase()}${r.analysis.stream}`;
  return 'conv';
}
