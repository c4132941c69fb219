/** One row of `GET /api/sessions`, as the server answers it and the page's session list reads it. */
import type { SessionInfo } from './protocol.ts';

/** One row of `GET /api/sessions`: the session's info, its name, start and counts. */
export interface SessionListEntry extends SessionInfo {
  name: string;
  /** ISO 8601. */
  startedAt: string;
  conversations: number;
  packets: number;
  steps: number;
  /** Bytes of its stored copy under --data-dir, when it has one. */
  storedBytes?: number;
}
