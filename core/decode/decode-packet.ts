/** Decodes one captured frame, link layer to transport, into a DecodedPacket. Never throws. */
import type { DecodedPacket, TcpHeader } from './decoded-packet.ts';
import { decodeLink } from './decode-link.ts';
import { decodeTransport } from './decode-transport.ts';
import { decodeIpv4 } from './ipv4.ts';
import { decodeIpv6 } from './ipv6.ts';
import type { LayerStatus, NetworkResult, TransportResult } from './layer-results.ts';
import { NO_TCP_OPTIONS } from './tcp-options.ts';

/** Copies trouble from a layer; the first malformed reason wins, as it explains the rest. */
function note(p: DecodedPacket, s: LayerStatus): void {
  if (s.truncated) p.truncated = true;
  if (s.malformed && !p.malformed) p.malformed = s.malformed;
}

/** Payload bytes kept as hex for previews unless the caller asks for fewer. */
export const DEFAULT_PREVIEW_BYTES = 256;

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
function newPacket(time: number, caplen: number, origlen: number, linkType: number): DecodedPacket {
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
function reset(
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

/** What the IP and transport decoders hand on, read at once: the same two objects every packet. */
const ipScratch: NetworkResult = {
  proto: 'IPv4',
  src: undefined,
  dst: undefined,
  payloadOffset: 0,
  payloadLength: 0,
  end: 0,
  protocol: undefined,
  truncated: undefined,
  overlong: undefined,
  fragment: undefined,
};
const transportScratch: TransportResult = {
  proto: 'TCP',
  sport: 0,
  dport: 0,
  tcp: undefined,
  len: 0,
  truncated: undefined,
  malformed: undefined,
  payloadHex: undefined,
};

/**
 * `time` in microseconds since the epoch; `origlen` the length on the wire. `len` is the payload
 * of the highest decoded layer; for link-only frames, the wire bytes after the link header.
 * `previewBytes`: TCP/UDP payload bytes kept in `payloadHex` (0 when nobody shows them).
 * `reuse`: objects filled instead of new ones (see ReusedPacket).
 */
export function decodePacket(
  linkType: number,
  data: Uint8Array,
  time: number,
  origlen: number,
  previewBytes = DEFAULT_PREVIEW_BYTES,
  reuse?: ReusedPacket,
): DecodedPacket {
  const caplen = data.length;
  const p = reuse
    ? reset(reuse, time, caplen, origlen, linkType)
    : newPacket(time, caplen, origlen, linkType);
  const link = decodeLink(linkType, data);
  if (!link) {
    p.malformed = `unsupported link type ${linkType}`;
    return p;
  }
  note(p, link);
  p.proto = link.network;
  p.len = Math.max(0, Math.max(origlen, caplen) - link.offset);
  if (link.network === 'IPv4' || link.network === 'IPv6')
    decodeIp(
      p,
      data,
      link.offset,
      link.network,
      previewBytes,
      Math.max(0, origlen - caplen),
      reuse?.tcp,
    );
  else if (caplen < origlen) p.truncated = true;
  // headers promised bytes the frame does not have, though nothing was cut by the snap length
  if (p.truncated && caplen >= origlen && !p.malformed)
    p.malformed = 'frame shorter than its headers declare';
  return p;
}

function decodeIp(
  p: DecodedPacket,
  data: Uint8Array,
  offset: number,
  version: 'IPv4' | 'IPv6',
  previewBytes: number,
  uncaptured: number,
  tcpInto: TcpHeader | undefined,
): void {
  const ip =
    version === 'IPv4' ? decodeIpv4(data, offset, uncaptured, ipScratch) : decodeIpv6(data, offset);
  note(p, ip);
  p.ipVersion = version === 'IPv4' ? 4 : 6;
  if (ip.src !== undefined) p.src = ip.src;
  if (ip.dst !== undefined) p.dst = ip.dst;
  if (ip.fragment) p.fragment = ip.fragment;
  p.len = ip.payloadLength;
  const t = ip.malformed
    ? undefined
    : decodeTransport(data, ip, previewBytes, transportScratch, tcpInto);
  if (!t) return;
  note(p, t);
  if (ip.overlong) note(p, { malformed: ip.overlong });
  if (t.sport !== undefined) p.sport = t.sport;
  if (t.dport !== undefined) p.dport = t.dport;
  if (t.proto === undefined) return; // transport header incomplete: len stays the IP payload
  p.proto = t.proto;
  p.len = t.len;
  if (t.tcp) p.tcp = t.tcp;
  if (t.icmp) p.icmp = t.icmp;
  if (t.payloadHex !== undefined) p.payloadHex = t.payloadHex;
}
