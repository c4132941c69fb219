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
import type { SessionInfo, SessionRecord } from '../../core/protocol.ts';
import { presenterViewSchema } from '../class/class-messages.ts';

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

export interface InterServerEvents {
  clusterSessions: (notice: SessionsNotice) => void;
  /** A process (re)joined: every other one says its sessions again. */
  clusterWho: () => void;
  clusterHistory: (req: HistoryRequest, ack: (answer: HistoryAnswer | null) => void) => void;
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
  startTime: z.number().finite(),
  lastRecNo: count,
  firstRecNo: count,
  closed: z.boolean().optional(),
  storeNote: z.string().max(1000).optional(),
});

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
