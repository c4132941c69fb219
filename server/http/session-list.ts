/**
 * `GET /api/sessions`: each session as the page shows it and other tools want it — its info plus
 * `name`, `startedAt` (ISO 8601), and how many conversations, packets and socket steps it holds.
 */
import type { SessionListEntry } from '../../core/session-list-entry.ts';
import type { Session } from '../hub/session.ts';

export type { SessionListEntry };

/** O(1) per session: the counts are kept as records arrive. */
export function sessionListEntry(session: Session): SessionListEntry {
  const info = session.info();
  const stored = session.storedBytes();
  return {
    ...info,
    name: info.title,
    startedAt: new Date(Math.floor(info.startTime / 1000)).toISOString(),
    ...session.totals(),
    ...(stored === undefined ? {} : { storedBytes: stored }),
  };
}
