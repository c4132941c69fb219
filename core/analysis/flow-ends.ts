/**
 * The ends of the flow a packet belongs to, written into one object the caller fills again for
 * every packet (no object per packet), and the flow's number in the flow table.
 */
import type { DecodedPacket } from '../decode/decoded-packet.ts';
import type { Endpoint } from '../types.ts';
import type { FlowEnds } from './flow-table.ts';
import { normalizeAddress } from '../conversation-id.ts';
import { flowHash } from './flow-sides.ts';

/** A new object to fill with packetEnds or quotedEnds. */
export const newFlowEnds = (): FlowEnds => ({
  transport: 'tcp',
  srcAddress: '',
  sport: 0,
  dstAddress: '',
  dport: 0,
});

/** Fills `ends` with a TCP or UDP packet's ends; false for a packet of no such flow. */
export function packetEnds(p: DecodedPacket, ends: FlowEnds): boolean {
  if (p.src === undefined || p.dst === undefined || p.sport === undefined || p.dport === undefined)
    return false;
  if (p.proto === 'TCP' && p.tcp) ends.transport = 'tcp';
  else if (p.proto === 'UDP') ends.transport = 'udp';
  else return false;
  ends.srcAddress = normalizeAddress(p.src);
  ends.sport = p.sport;
  ends.dstAddress = normalizeAddress(p.dst);
  ends.dport = p.dport;
  return true;
}

/** Fills `ends` with the flow an ICMP error quotes (its sender first); false when none. */
export function quotedEnds(p: DecodedPacket, ends: FlowEnds): boolean {
  const q = p.icmp?.inner;
  const transport = q?.proto.toLowerCase();
  if (!q || q.sport === undefined || q.dport === undefined) return false;
  if (transport !== 'tcp' && transport !== 'udp') return false;
  ends.transport = transport;
  ends.srcAddress = normalizeAddress(q.src);
  ends.sport = q.sport;
  ends.dstAddress = normalizeAddress(q.dst);
  ends.dport = q.dport;
  return true;
}

export const flowKey = (e: FlowEnds): number =>
  flowHash(e.transport, e.srcAddress, e.sport, e.dstAddress, e.dport);

/** The two ends as new endpoints (for a new flow to keep), sender first. */
export const endpoints = (e: FlowEnds): [Endpoint, Endpoint] => [
  { address: e.srcAddress, port: e.sport },
  { address: e.dstAddress, port: e.dport },
];
