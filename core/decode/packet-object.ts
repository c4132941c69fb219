/**
 * The packet object decodePacket fills: a new one per frame, or one reused for every frame by a
 * caller done with each packet before the next (see ReusedPacket).
 */
import type { DecodedPacket, TcpHeader } from './decoded-packet.ts';
import { NO_TCP_OPTIONS } from './tcp-options.ts';

/**
 * A packet and its TCP header that decodePacket fills again for every frame instead of making new
 * ones, for a caller done with each packet before it decodes the next (`analyze`): whatever is
 * kept past that must be copied. Every field is there from the start, so the objects keep one shape.
 */
export interface ReusedPacket {
  packet: DecodedPacket;
  tcp: TcpHeader;
}

/**
 * A packet with every field most packets get from the start (undefined until decoded, which JSON
 * leaves out like an absent one): fields added later would go to a separate, regrown store.
 */
export function newPacket(
  time: number,
  caplen: number,
  origlen: number,
  linkType: number,
): DecodedPacket {
  return {
    time,
    caplen,
    origlen,
    linkType,
    proto: 'Unknown',
    len: Math.max(origlen, caplen),
    ipVersion: undefined,
    src: undefined,
    dst: undefined,
    sport: undefined,
    dport: undefined,
    tcp: undefined,
    payloadHex: undefined,
    // The slots that make the decoded packet a PacketRecord (type, no, conv, analysis), filled
    // by the ingest that numbers and analyses it.
    type: undefined,
    no: undefined,
    conv: undefined,
    analysis: undefined,
  } as DecodedPacket;
}

export function reusablePacket(): ReusedPacket {
  // The reused packet has the rarer fields too: it is one object, and must keep one shape.
  const packet = Object.assign(newPacket(0, 0, 0, 0), {
    icmp: undefined,
    fragment: undefined,
    reassembled: undefined,
    truncated: undefined,
    malformed: undefined,
  });
  const tcp: TcpHeader = {
    seq: 0,
    ack: 0,
    flags: [],
    window: 0,
    urgent: 0,
    headerLength: 0,
    options: NO_TCP_OPTIONS,
  };
  return { packet, tcp };
}

/** The packet of `reuse` with every field as a new packet has it. */
export function resetPacket(
  reuse: ReusedPacket,
  time: number,
  caplen: number,
  origlen: number,
  linkType: number,
): DecodedPacket {
  const p = reuse.packet as DecodedPacket & Record<'type' | 'no' | 'conv' | 'analysis', undefined>;
  p.time = time;
  p.caplen = caplen;
  p.origlen = origlen;
  p.linkType = linkType;
  p.proto = 'Unknown';
  p.len = Math.max(origlen, caplen);
  p.ipVersion = undefined;
  p.src = undefined;
  p.dst = undefined;
  p.sport = undefined;
  p.dport = undefined;
  p.tcp = undefined;
  p.payloadHex = undefined;
  p.type = undefined;
  p.no = undefined;
  p.conv = undefined;
  p.analysis = undefined;
  p.icmp = undefined;
  p.fragment = undefined;
  p.reassembled = undefined;
  p.truncated = undefined;
  p.malformed = undefined;
  return p;
}
