/**
 * What the child process of an impaired run prints on stdout, one JSON object per line: each
 * socket step its sockets make, then how it ended. The parent validates every line (it is input
 * from outside the process) before any of it reaches the session.
 */
import { z } from 'zod';
import type { SocketStep } from '../../../core/protocol.ts';

const endpoint = z.strictObject({
  address: z.string().min(1).max(64),
  port: z.number().int().min(0).max(65535),
});

const stepSchema = z.strictObject({
  type: z.literal('step'),
  kind: z.enum([
    'listen',
    'bind',
    'connect',
    'accept',
    'write',
    'read',
    'peer-end',
    'end',
    'close',
    'reset',
    'idle-close',
    'over-limit',
    'error',
    'udp-send',
    'udp-recv',
  ]),
  time: z.number().int().positive(),
  side: z.enum(['client', 'server']),
  transport: z.enum(['tcp', 'udp']),
  local: endpoint,
  remote: endpoint.nullable(),
  conv: z.string().max(200),
  bytes: z.number().int().min(0),
  preview: z.strictObject({ text: z.string().max(2048), hex: z.string().max(1024) }).optional(),
  durationUs: z.number().int().min(0).optional(),
  code: z.string().max(64).optional(),
  message: z.string().max(1024).optional(),
}) satisfies z.ZodType<SocketStep>;

export const childLineSchema = z.discriminatedUnion('type', [
  stepSchema,
  z.strictObject({ type: z.literal('done') }),
  z.strictObject({ type: z.literal('failed'), message: z.string().max(2048) }),
]);

export type ChildLine = z.infer<typeof childLineSchema>;

/** One line parsed and checked, or the reason it is not a line the child may print. */
export function parseChildLine(line: string): ChildLine | { type: 'invalid'; why: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { type: 'invalid', why: `not JSON: ${line.slice(0, 80)}` };
  }
  const r = childLineSchema.safeParse(value);
  if (!r.success) return { type: 'invalid', why: r.error.issues[0]?.message ?? 'bad line' };
  return r.data;
}
