/** A real live session recorded with capture on: TCP echo, UDP echo, UDP to a closed port. */
import { readFileSync } from 'node:fs';
import type { SessionRecord } from '../../../../core/protocol.ts';

export const LIVE_SESSION: SessionRecord[] = JSON.parse(
  readFileSync(new URL('./live-session.json', import.meta.url), 'utf8'),
) as SessionRecord[];

export const TCP_CONV = 'tcp 127.0.0.1:49262 > 127.0.0.1:23495';
export const UDP_CONV = 'udp 127.0.0.1:33393 > 127.0.0.1:23495';
export const UNREACHABLE_CONV = 'udp 127.0.0.1:53266 > 127.0.0.1:47047';

/** The records of one conversation in time order, as the page shows them. */
export function convRecords(conv: string): SessionRecord[] {
  return LIVE_SESSION.filter((r) => r.conv === conv).sort(
    (a, b) => a.time - b.time || a.recNo - b.recNo,
  );
}
