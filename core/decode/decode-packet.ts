/** Decodes one captured frame, link layer to transport, into a DecodedPacket. Never throws. */
import type { DecodedPacket, TcpHeader } from './decoded-packet.ts';
import { newPacket, resetPacket, type ReusedPacket } from './packet-object.ts';
import { decodeLink } from './decode-link.ts';
import { decodeTransport } from './decode-transport.ts';
import { decodeIpv4 } from './ipv4.ts';
import { decodeIpv6 } from './ipv6.ts';
import type { LayerStatus, NetworkResult, TransportResult } from './layer-results.ts';

/** Copies trouble from a layer; the first malformed reason wins, as it explains the rest. */
function note(p: DecodedPacket, s: LayerStatus): void {
  if (s.truncated) p.truncated = true;
  if (s.malformed && !p.malformed) p.malformed = s.malformed;
}

/** Payload bytes kept as hex for previews unless the caller asks for fewer. */
export const DEFAULT_PREVIEW_BYTES = 256;

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
    ? resetPacket(reuse, time, caplen, origlen, linkType)
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
