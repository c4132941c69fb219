/**
 * One lifeline per endpoint (address:port) when several conversations share the ladder, as
 * Wireshark's flow graph draws them: clients left in order of appearance, servers right.
 * Past `maxLanes`, the later clients share one "other clients" lifeline, and past half of it the
 * later servers one "other servers" lifeline: a file of thousands of conversations draws a few
 * lifelines, not thousands.
 */
import type { Endpoint, SessionRecord, Side } from '../../../core/protocol.ts';
import { formatEndpoint } from '../../../core/conversation-id.ts';
import type { LaneAssignment } from './ladder-layout.ts';

/** What the page knows of each conversation: its two endpoints (null while unknown). */
export interface ConversationEnds {
  client: Endpoint | null;
  server: Endpoint | null;
}

export interface EndpointLane {
  /** `addr:port`, or '' for the shared lifeline of the clients past the limit. */
  endpoint: string;
  role: Side;
}

export interface EndpointLanes {
  lanes: EndpointLane[];
  assignment: LaneAssignment;
}

/**
 * The lifelines of `records` (time order) and which one each record's side sits on; `ends` looks
 * a conversation's endpoints up (in its summary).
 */
export function endpointLanes(
  records: readonly SessionRecord[],
  ends: (conv: string) => ConversationEnds | undefined,
  maxLanes = 8,
): EndpointLanes {
  const clients: string[] = [];
  const servers: string[] = [];
  const seen = new Set<string>();
  const keyOf = (conv: string | undefined, side: Side): string => {
    const c = conv === undefined ? undefined : ends(conv);
    const e = side === 'client' ? c?.client : c?.server;
    return e ? formatEndpoint(e) : '';
  };
  for (const r of records) {
    for (const side of ['client', 'server'] as const) {
      const key = keyOf(r.conv, side);
      if (seen.has(`${side} ${key}`)) continue;
      seen.add(`${side} ${key}`);
      (side === 'client' ? clients : servers).push(key);
    }
  }
  const serverRoom = Math.max(1, Math.floor(maxLanes / 2));
  const onRight = servers.length > serverRoom ? [...servers.slice(0, serverRoom - 1), ''] : servers;
  const clientRoom = Math.max(1, maxLanes - Math.max(1, onRight.length));
  const shown = clients.length > clientRoom ? [...clients.slice(0, clientRoom - 1), ''] : clients;
  const lanes: EndpointLane[] = [
    ...(shown.length ? shown : ['']).map((endpoint) => ({ endpoint, role: 'client' as const })),
    ...(onRight.length ? onRight : ['']).map((endpoint) => ({ endpoint, role: 'server' as const })),
  ];
  const index = new Map(lanes.map((l, i) => [`${l.role} ${l.endpoint}`, i]));
  const otherClients = index.get('client ') ?? 0;
  const otherServers = index.get('server ') ?? lanes.length - 1;
  return {
    lanes,
    assignment: {
      count: lanes.length,
      of: (r, side) =>
        index.get(`${side} ${keyOf(r.conv, side)}`) ??
        (side === 'client' ? otherClients : otherServers),
    },
  };
}
