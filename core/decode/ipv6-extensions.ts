/** Walks the IPv6 extension header chain to the transport header. */
import type { DecodedPacket } from './decoded-packet.ts';
import { IP_PROTO } from './ip-protocols.ts';
import type { LayerStatus } from './layer-results.ts';
import { u16, u32 } from './read-bytes.ts';

const MAX_HEADERS = 16;

export interface ExtensionChain extends LayerStatus {
  /** Transport protocol number; undefined when the chain stops (ESP, no next header, later fragment). */
  protocol?: number;
  /** Offset after the last extension header. */
  offset: number;
  fragment?: DecodedPacket['fragment'];
}

/**
 * Follows next-header values from `next` at offset o. `end` is where the packet ends as
 * declared, `capEnd` where the captured bytes end.
 * @see RFC 8200 §4 (hop-by-hop, routing, fragment, destination options), RFC 4302 §2 (AH)
 */
export function walkIpv6Extensions(
  d: Uint8Array,
  o: number,
  next: number,
  end: number,
  capEnd: number,
): ExtensionChain {
  let nh = next;
  let off = o;
  let fragment: ExtensionChain['fragment'];
  for (let i = 0; i < MAX_HEADERS; i++) {
    if (nh === IP_PROTO.ESP || nh === IP_PROTO.NO_NEXT_HEADER) return { offset: off, fragment };
    let length: number;
    if (nh === IP_PROTO.FRAGMENT) length = 8;
    else if (nh === IP_PROTO.HOP_BY_HOP || nh === IP_PROTO.ROUTING || nh === IP_PROTO.DEST_OPTIONS)
      length = -1;
    else if (nh === IP_PROTO.AH) length = -2;
    else return { protocol: nh, offset: off, fragment };

    if (off + 2 > end)
      return { offset: off, fragment, malformed: `IPv6 extension header ${nh} past the payload` };
    if (off + 2 > capEnd) return { offset: off, fragment, truncated: true };
    // generic headers count 8-octet units after the first 8; AH counts 4-octet units minus 2
    if (length === -1) length = (d[off + 1]! + 1) * 8;
    else if (length === -2) length = (d[off + 1]! + 2) * 4;
    if (off + length > end)
      return { offset: off, fragment, malformed: `IPv6 extension header ${nh} past the payload` };
    if (off + length > capEnd) return { offset: off, fragment, truncated: true };
    if (nh === IP_PROTO.FRAGMENT) {
      // @see RFC 8200 §4.5: next header (1), reserved (1), offset/res/M (2), identification (4)
      const field = u16(d, off + 2);
      fragment = { id: u32(d, off + 4), offset: (field >> 3) * 8, more: (field & 1) === 1 };
      if (fragment.offset > 0) return { offset: off + length, fragment };
    }
    nh = d[off]!;
    off += length;
  }
  return { offset: off, fragment, malformed: `more than ${MAX_HEADERS} IPv6 extension headers` };
}
