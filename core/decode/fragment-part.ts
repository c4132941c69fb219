/** The part of an IP fragment that reassembly keeps: its data and the protocol it belongs to. */
import { decodeLink } from './decode-link.ts';
import { IP_PROTO } from './ip-protocols.ts';
import { u16 } from './read-bytes.ts';

export interface FragmentPart {
  /** IPv4 protocol, or the next header of the IPv6 fragment header. */
  protocol: number;
  /** The fragment's data (a view into the frame: copy to keep). */
  data: Uint8Array;
}

/**
 * Finds the fragment data of a frame decodePacket marked as a fragment. Undefined when the frame
 * was cut short (its data cannot be reassembled) or is not a fragment after all.
 * @see RFC 791 §3.1 (IPv4: data after IHL*4, up to total length), RFC 8200 §4.5 (IPv6: the
 * fragmentable part after the fragment header, up to the payload length)
 */
export function fragmentPart(linkType: number, d: Uint8Array): FragmentPart | undefined {
  const link = decodeLink(linkType, d);
  if (!link) return undefined;
  const o = link.offset;
  if (link.network === 'IPv4') {
    if (d.length < o + 20) return undefined;
    const headerLength = (d[o]! & 15) * 4;
    const total = u16(d, o + 2);
    if (total < headerLength || headerLength < 20 || o + total > d.length) return undefined;
    return { protocol: d[o + 9]!, data: d.subarray(o + headerLength, o + total) };
  }
  if (link.network !== 'IPv6' || d.length < o + 40) return undefined;
  const end = o + 40 + u16(d, o + 4);
  if (end > d.length || end === o + 40) return undefined;
  let next = d[o + 6]!;
  let off = o + 40;
  // Hop-by-hop, routing and destination options may come before the fragment header.
  while (next !== IP_PROTO.FRAGMENT) {
    const chained =
      next === IP_PROTO.HOP_BY_HOP || next === IP_PROTO.ROUTING || next === IP_PROTO.DEST_OPTIONS;
    if (!chained || off + 2 > end) return undefined;
    next = d[off]!;
    off += (d[off + 1]! + 1) * 8;
  }
  if (off + 8 > end) return undefined;
  return { protocol: d[off]!, data: d.subarray(off + 8, end) };
}
