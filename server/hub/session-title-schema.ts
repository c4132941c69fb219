/**
 * The key of a default session title (core/session-title.ts), checked where it comes from outside
 * the process: another server process sharing Redis, a stored session's meta.json.
 */
import { z } from 'zod';
import type { SessionTitleKey } from '../../core/session-title.ts';

/** "YYYY-MM-DD HH:MM", UTC. */
const started = z.string().regex(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

export const sessionTitleKeySchema = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('live'), started: started.optional() }),
  z.strictObject({
    key: z.literal('live-server'),
    node: z.string().regex(/^[0-9a-f]{8}$/),
    started: started.optional(),
  }),
]) satisfies z.ZodType<SessionTitleKey>;
