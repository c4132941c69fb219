/**
 * Fragment reassembly applied to decoded packets, as tshark does it by default: the frame that
 * completes a datagram carries the datagram's transport layer (TCP, UDP, ICMP…) decoded from the
 * reassembled bytes; every other fragment is shown as an IP fragment, with no transport layer.
 */
import type { DecodedPacket } from './decoded-packet.ts';
import { decodeTransport } from './decode-transport.ts';
import { fragmentPart } from './fragment-part.ts';
import { IP_PROTO } from './ip-protocols.ts';
import { walkIpv6Extensions } from './ipv6-extensions.ts';
import type { IpReassembler, Reassembled } from './ip-reassembly.ts';
import type { NetworkResult } from './layer-results.ts';

/**
 * For a packet decodePacket marked as a fragment: hands its data to `reassembler` and rewrites
 * the packet as the datagram (on the fragment that completes it) or as a bare fragment.
 * `data` is the frame's bytes; `preview` the payload bytes kept as hex.
 */
export function reassemblePacket(
  p: DecodedPacket,
  data: Uint8Array,
  reassembler: IpReassembler,
  preview: number,
): void {
  const f = p.fragment;
  if (!f || p.ipVersion === undefined) return;
  const part = fragmentPart(p.linkType, data);
  // Cut short by the snap length: nothing to reassemble, and tshark decodes it as it is.
  if (!part) return;
  const done = reassembler.add({
    key: `${p.src} ${p.dst} ${part.protocol} ${f.id}`,
    version: p.ipVersion,
    offset: f.offset,
    more: f.more,
    data: part.data,
    time: p.time,
  });
  const ip: 'IPv4' | 'IPv6' = p.ipVersion === 4 ? 'IPv4' : 'IPv6';
  // Until the datagram is whole, a fragment carries no transport layer of its own.
  p.proto = ip;
  delete p.sport;
  delete p.dport;
  delete p.tcp;
  delete p.icmp;
  delete p.payloadHex;
  p.len = part.data.length;
  if (done) decodeDatagram(p, ip, part.protocol, done, preview);
}

function decodeDatagram(
  p: DecodedPacket,
  proto: 'IPv4' | 'IPv6',
  protocol: number,
  whole: Reassembled,
  preview: number,
): void {
  const d = whole.data;
  const ip: NetworkResult = { proto, payloadOffset: 0, payloadLength: d.length, end: d.length };
  if (proto === 'IPv4') ip.protocol = protocol;
  else {
    // Extension headers may follow the fragment header (RFC 8200 §4.1 order).
    const chain = walkIpv6Extensions(d, 0, protocol, d.length, d.length);
    if (chain.protocol !== undefined && chain.protocol !== IP_PROTO.FRAGMENT)
      ip.protocol = chain.protocol;
    ip.payloadOffset = chain.offset;
    ip.payloadLength = d.length - chain.offset;
  }
  p.len = ip.payloadLength;
  p.reassembled = { fragments: whole.fragments, bytes: d.length };
  const t = decodeTransport(d, ip, preview);
  if (!t) return;
  if (t.malformed && !p.malformed) p.malformed = t.malformed;
  if (t.sport !== undefined) p.sport = t.sport;
  if (t.dport !== undefined) p.dport = t.dport;
  if (t.proto === undefined) return;
  p.proto = t.proto;
  p.len = t.len;
  if (t.tcp) p.tcp = t.tcp;
  if (t.icmp) p.icmp = t.icmp;
  if (t.payloadHex !== undefined) p.payloadHex = t.payloadHex;
}
