/** `meta.json` of a stored session: what is known when it starts, checked when read back. */
import { z } from 'zod';
import { MAX_SESSION_NAME } from '../../core/session-actions.ts';

export const storedMetaSchema = z.object({
  format: z.literal(1),
  id: z.string().max(64),
  kind: z.enum(['live', 'file']),
  title: z.string().max(200),
  /** µs since the epoch. */
  startTime: z.number().int().nonnegative(),
  /** The name the presenter gave it, shown instead of the title and its start time. */
  name: z.string().max(MAX_SESSION_NAME).optional(),
});

export type StoredMeta = z.infer<typeof storedMetaSchema>;
