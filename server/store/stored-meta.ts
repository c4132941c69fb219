/** `meta.json` of a stored session: what is known when it starts, checked when read back. */
import { z } from 'zod';
import { MAX_SESSION_NAME } from '../../core/session-actions.ts';
import { sessionTitleKeySchema } from '../hub/session-title-schema.ts';

export const storedMetaSchema = z.object({
  format: z.literal(1),
  id: z.string().max(64),
  kind: z.enum(['live', 'file']),
  title: z.string().max(200),
  /**
   * The key of `title` when it is a default one. Files written before keys were stored have only
   * the title: the reader recognises the default ones in it (legacy-title.ts). A key that does
   * not parse counts as none: the session is still read.
   */
  titleKey: sessionTitleKeySchema.optional().catch(undefined),
  /** µs since the epoch. */
  startTime: z.number().int().nonnegative(),
  /** The name the presenter gave it, shown instead of the title and its start time. */
  name: z.string().max(MAX_SESSION_NAME).optional(),
});

export type StoredMeta = z.infer<typeof storedMetaSchema>;
