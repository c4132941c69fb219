/** Schemas for every message a page may send: nothing from outside is trusted unchecked. */
import { z } from 'zod';
import { MAX_MESSAGE_BYTES } from '../../core/protocol.ts';

export const joinSchema = z.strictObject({
  session: z.string().min(1).max(64),
  after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  summaries: z.boolean().optional(),
});

const recNo = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const rangeSchema = z
  .strictObject({
    session: z.string().min(1).max(64),
    from: recNo,
    to: recNo,
    conv: z.string().min(1).max(200).optional(),
  })
  .refine((r) => r.from <= r.to, { message: 'Invalid request: from is after to.' });

export const sendSchema = z.strictObject({
  transport: z.enum(['tcp', 'udp']),
  message: z
    .string()
    .min(1, 'Type a message first.')
    .refine((m) => Buffer.byteLength(m, 'utf8') <= MAX_MESSAGE_BYTES, {
      message: `The message is longer than ${MAX_MESSAGE_BYTES} bytes; the echo endpoint reads at most ${MAX_MESSAGE_BYTES}.`,
    }),
});

/** The first problem, as one line for the page. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request.';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return issue.code === 'custom' || (issue.code === 'too_small' && issue.path[0] === 'message')
    ? issue.message
    : `Invalid request: ${where}${issue.message}`;
}
