/** The answer to a rename or delete of a session another server process holds. */
import type { SessionActionResult } from '../../core/session-actions.ts';
import { sessionActResultSchema } from './cluster-events.ts';

/**
 * The owner's answer among the other processes' (the others answer null), checked as a page's
 * request would be: a process is trusted no more than a page. Null when no process holds it.
 */
export function ownerAnswer(answers: unknown[], session: string): SessionActionResult | null {
  const answer = answers.find((x) => x !== null && x !== undefined);
  if (answer === undefined) return null;
  const parsed = sessionActResultSchema.safeParse(answer);
  return parsed.success
    ? parsed.data
    : {
        ok: false,
        error: `The server holding session "${session.slice(0, 64)}" answered in a form this one does not know.`,
      };
}
