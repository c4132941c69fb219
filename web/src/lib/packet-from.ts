/** Which side sent a record: from the step or the analysis, else by matching the client endpoint. */
import type { Endpoint, SessionRecord, Side } from '../../../core/protocol.ts';
import { normalizeAddress } from '../../../core/conversation-id.ts';

function sameEndpoint(a: Endpoint, address: string | undefined, port: number | undefined): boolean {
  return (
    address !== undefined &&
    normalizeAddress(a.address) === normalizeAddress(address) &&
    a.port === port
  );
}

export function packetFrom(r: SessionRecord, client: Endpoint | null): Side {
  if (r.type === 'step') return r.side;
  if (r.analysis) return r.analysis.from;
  if (client && sameEndpoint(client, r.src, r.sport)) return 'client';
  if (client && sameEndpoint(client, r.dst, r.dport)) return 'server';
  return 'client';
}
