/**
 * `GET /api/sessions`: each session as the page shows it and other tools want it — its info plus
 * `name`, `startedAt` (ISO 8601), and how many conversations, packets and socket steps it holds.
 */
import type { SessionInfo } from '../../core/protocol.ts';
import type { Session } from '../hub/session.ts';

export interface SessionListEntry extends SessionInfo {
  name: string;
  startedAt: string;
  conversations: number;
  packets: number;
  steps: number;
}

export function sessionListEntry(session: Session): SessionListEntry {
  const convs = new Set<string>();
  let packets = 0;
  let steps = 0;
  for (const r of session.since(0).records) {
    if (r.type === 'packet') packets++;
    else steps++;
    if (r.conv) convs.add(r.conv);
  }
  const info = session.info();
  return {
    ...info,
    name: info.title,
    startedAt: new Date(Math.floor(info.startTime / 1000)).toISOString(),
    conversations: convs.size,
    packets,
    steps,
  };
}
