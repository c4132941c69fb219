/**
 * What server processes sharing Redis say to each other (socket.io's server-side events), and the
 * schemas each message is checked with on arrival: another process is trusted no more than a page.
 */
import { z } from 'zod';
import type {
  PresenterView,
  QuizAnswerResult,
  QuizAskResult,
  QuizView,
} from '../../core/class/class-protocol.ts';
import type { ConversationSummary } from '../../core/analysis/conversation-summary.ts';
import type { RangeRequest, SessionInfo, SessionRecord } from '../../core/protocol.ts';
import type { SessionActionResult } from '../../core/session-actions.ts';
import { rangeSchema } from '../hub/messages.ts';
import type { SessionListEntry } from '../../core/session-list-entry.ts';
import { presenterViewSchema } from '../class/class-messages.ts';
import { sessionTitleKeySchema } from '../hub/session-title-schema.ts';

/** A process's own sessions (the ones it writes), said on every change and every few seconds. */
export interface SessionsNotice {
  node: string;
  sessions: SessionInfo[];
}

export interface HistoryRequest {
  session: string;
  after: number;
  limit: number;
}

/** The owner's answer: a join reply's records, summaries and gap (null from the others). */
export interface HistoryAnswer {
  session: SessionInfo;
  records: SessionRecord[];
  summaries: ConversationSummary[];
  gap: boolean;
}

/** Another process asks for an export of one of this process's sessions (`stream` names it). */
export interface ExportRequest {
  stream: string;
  session: string;
  /** The path's last segment, e.g. `export.csv`. */
  file: string;
  /** The request's query string, without `?`. */
  query: string;
}

/** The owner's answer to an ExportRequest: the file's first part, or why there is no file. */
export type ExportAnswer =
  | { status: 200; name: string; contentType: string; part: ExportPart }
  | { status: 400 | 404 | 409 | 503; error: string };

/** Up to a few hundred KiB of the file; `done` on its last part. */
export interface ExportPart {
  data: Uint8Array;
  done: boolean;
}

export interface InterServerEvents {
  clusterSessions: (notice: SessionsNotice) => void;
  /** A process (re)joined: every other one says its sessions again. */
  clusterWho: () => void;
  clusterHistory: (req: HistoryRequest, ack: (answer: HistoryAnswer | null) => void) => void;
  /** Older records of a session (a page scrolled back past what it holds): the owner answers. */
  clusterRange: (
    req: RangeRequest,
    ack: (answer: { records: SessionRecord[]; next: number | null } | null) => void,
  ) => void;
  /** `GET /api/sessions`: each process's own sessions as rows of the list. */
  clusterList: (ack: (rows: SessionListEntry[]) => void) => void;
  /** An export of a session: its owner answers, the others answer null. */
  clusterExport: (req: ExportRequest, ack: (answer: ExportAnswer | null) => void) => void;
  /** The next part of an export begun with clusterExport (null from the others). */
  clusterExportMore: (req: { stream: string }, ack: (part: ExportPart | null) => void) => void;
  /** The client went away: the owner drops what it holds of the export. */
  clusterExportEnd: (req: { stream: string }) => void;
  /** A presenter's rename or delete of a session another process owns: the owner answers. */
  clusterSessionAct: (act: SessionAct, ack: (res: SessionActionResult | null) => void) => void;
  /** The presenter's view as set on one process, for pages connecting to the others later. */
  classView: (view: PresenterView) => void;
  classViewNow: (ack: (view: PresenterView | null) => void) => void;
  /** The question as its process announced it to its viewers and to presenters. */
  classQuiz: (forViewers: QuizView, forPresenters: QuizView) => void;
  /** An act on a question, for the process that asked it (the others answer null). */
  classQuizAct: (act: QuizAct, ack: (res: QuizAnswerResult | QuizAskResult | null) => void) => void;
  /** After (re)joining: the question asked now, from the process that asked it. */
  classQuizNow: (
    ack: (q: { forViewers: QuizView; forPresenters: QuizView } | null) => void,
  ) => void;
}

/** A rename or delete asked on one process (its presenter checked there), for the owner. */
export type SessionAct =
  { act: 'rename'; session: string; name: string } | { act: 'delete'; session: string };

/** An answer, reveal or close made on one process, of a question asked on another. */
export type QuizAct =
  | { act: 'answer'; id: string; viewer: string; choice: number }
  | { act: 'reveal' | 'close'; id: string };

const id = z.string().min(1).max(64);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const sessionInfoSchema = z.strictObject({
  id,
  kind: z.enum(['live', 'file']),
  title: z.string().max(300),
  titleKey: sessionTitleKeySchema.optional(),
  startTime: z.number().finite(),
  lastRecNo: count,
  firstRecNo: count,
  closed: z.boolean().optional(),
  storeNote: z.string().max(1000).optional(),
  storeDropped: count.optional(),
});

// A field added to SessionInfo and not here would make every session list of a process refused.
const everyInfoField: [keyof SessionInfo] extends [keyof z.output<typeof sessionInfoSchema>]
  ? true
  : never = true;
void everyInfoField;

export const sessionListEntrySchema = sessionInfoSchema.extend({
  name: z.string().max(300),
  startedAt: z.string().max(40),
  conversations: count,
  packets: count,
  steps: count,
  storedBytes: count.optional(),
});

const everyRowField: [keyof SessionListEntry] extends [
  keyof z.output<typeof sessionListEntrySchema>,
]
  ? true
  : never = true;
void everyRowField;

export const sessionRowsSchema = z.array(sessionListEntrySchema).max(10_000);

const streamId = z.string().regex(/^[0-9a-f]{16}$/);

export const exportRequestSchema = z.strictObject({
  stream: streamId,
  session: id,
  file: z.string().max(40),
  query: z.string().max(400),
});

export const exportStreamSchema = z.strictObject({ stream: streamId });

/** A part is at most 256 KiB plus one chunk of the file (a frame, a line): 1 MiB is plenty. */
export const exportPartSchema = z.strictObject({
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= 1024 * 1024, 'part too large'),
  done: z.boolean(),
});

export const exportAnswerSchema = z.union([
  z.strictObject({
    status: z.literal(200),
    name: z.string().max(300),
    contentType: z.string().max(100),
    part: exportPartSchema,
  }),
  z.strictObject({
    status: z.union([z.literal(400), z.literal(404), z.literal(409), z.literal(503)]),
    error: z.string().max(300),
  }),
]);

export const sessionsNoticeSchema = z.strictObject({
  node: z.string().regex(/^[0-9a-f]{8}$/),
  sessions: z.array(sessionInfoSchema).max(1000),
});

export const historyRequestSchema = z.strictObject({
  session: id,
  after: count,
  limit: z.number().int().min(1).max(100_000),
});

// Records and summaries are core's shapes, checked for what the hub and the page rely on (the
// record number and the conversation) rather than field by field.
export const historyAnswerSchema = z.strictObject({
  session: sessionInfoSchema,
  records: z.array(z.looseObject({ recNo: count, type: z.enum(['step', 'packet']) })),
  summaries: z.array(z.looseObject({ conv: z.string() })),
  gap: z.boolean(),
});

export const rangeRequestSchema = rangeSchema;

export const rangeAnswerSchema = z.strictObject({
  records: historyAnswerSchema.shape.records,
  next: count.nullable(),
});

export const classViewSchema = presenterViewSchema;

const small = z.number().int().min(0).max(1_000_000);

export const quizViewSchema = z.strictObject({
  id,
  session: id,
  conv: z.string().min(1).max(200),
  afterRecNo: count,
  choices: z
    .array(z.strictObject({ from: z.enum(['client', 'server']), flags: z.string().max(40) }))
    .max(16),
  state: z.enum(['open', 'revealed', 'closed']),
  answered: small,
  counts: z.array(small).max(16).optional(),
  answer: z.number().int().min(0).max(15).optional(),
  nextRecNo: count.optional(),
});

export const quizPairSchema = z.strictObject({
  forViewers: quizViewSchema,
  forPresenters: quizViewSchema,
});

export const quizActSchema = z.discriminatedUnion('act', [
  z.strictObject({
    act: z.literal('answer'),
    id,
    viewer: z.string().min(1).max(64),
    choice: z.number().int().min(0).max(15),
  }),
  z.strictObject({ act: z.enum(['reveal', 'close']), id }),
]);

const refusal = z.strictObject({ ok: z.literal(false), error: z.string().max(300) });

/** The owner's answer to a SessionAct (its own checks refuse without a limit kind). */
export const sessionActResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), session: id }),
  refusal,
]);

export const quizAnswerResultSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    outcome: z.enum(['counted', 'again']),
    choice: z.number().int().min(0).max(15),
  }),
  refusal,
]);

export const quizAskResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), quiz: quizViewSchema }),
  refusal,
]);
