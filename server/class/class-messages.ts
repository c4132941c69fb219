/** Schemas of the classroom messages a page may send (presenter's view, quiz). */
import { z } from 'zod';

const recNo = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1).max(64);
const conv = z.string().min(1).max(200);

export const presenterViewSchema = z.strictObject({
  session: id,
  conv,
  selected: recNo.nullable(),
  replay: z
    .strictObject({
      recNo: recNo.nullable(),
      playing: z.boolean(),
      speed: z.number().min(0.25).max(4),
      reveal: z.boolean(),
    })
    .nullable(),
  show: z.enum(['both', 'packets', 'steps']),
});

export const quizAskSchema = z.strictObject({
  session: id,
  conv,
  afterRecNo: recNo,
  next: z.strictObject({
    from: z.enum(['client', 'server']),
    flags: z.string().regex(/^[A-Z]{2,3}(,[A-Z]{2,3}){0,8}$/, 'flags: e.g. SYN,ACK'),
    recNo,
  }),
});

export const quizAnswerSchema = z.strictObject({
  id,
  choice: z.number().int().min(0).max(15),
});

export const quizIdSchema = z.strictObject({ id });

/** A page's own id for counting quiz answers: from the socket.io handshake's `auth.viewer`. */
export const viewerIdSchema = z.string().regex(/^[\w-]{8,64}$/);

export const rosterClearSchema = z.strictObject({ archive: z.boolean() });

export const rosterArchiveSchema = z.strictObject({ id });
