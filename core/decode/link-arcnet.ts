/** ARCnet links (LINKTYPE_ARCNET_BSD, LINKTYPE_ARCNET_LINUX), as tshark's arcnet dissector reads them. */
import type { LinkResult } from './layer-results.ts';

/** @see RFC 1201 §2 (0xd4, 0xd5), RFC 1051 (0xf0, 0xf1), RFC 2497 §2 (0xc4) */
const ARCNET_PROTOCOL = {
  IP_1201: 0xd4,
  ARP_1201: 0xd5,
  IPV6: 0xc4,
  IP_1051: 0xf0,
  ARP_1051: 0xf1,
  DIAGNOSE: 0x80,
  BACNET: 0xcd,
} as const;

/** RFC 1051, diagnose and BACnet frames carry no split flag and sequence number. */
const NO_FRAGMENT_FIELDS = new Set<number>([
  ARCNET_PROTOCOL.IP_1051,
  ARCNET_PROTOCOL.ARP_1051,
  ARCNET_PROTOCOL.DIAGNOSE,
  ARCNET_PROTOCOL.BACNET,
]);

/** @see RFC 1201 §2.3: split flag 0xff marks an exception packet. */
const EXCEPTION = 0xff;

/**
 * @see https://www.tcpdump.org/linktypes/LINKTYPE_ARCNET_LINUX.html
 * source (1), destination (1), offset (2, Linux only), protocol id (1), then for RFC 1201
 * protocols split flag (1) and sequence (2); an exception packet has 0xff 0xff padding, the
 * protocol id and the split flag again before the sequence.
 */
export function decodeArcnet(d: Uint8Array, hasOffset: boolean): LinkResult {
  let o = hasOffset ? 4 : 2;
  if (o + 1 > d.length) return { network: 'Unknown', offset: d.length, truncated: true };
  const protocol = d[o]!;
  o += 1;
  if (!NO_FRAGMENT_FIELDS.has(protocol)) {
    if (o + 1 > d.length) return { network: 'Unknown', offset: d.length, truncated: true };
    o += d[o] === EXCEPTION ? 5 : 1;
    o += 2;
    if (o > d.length) return { network: 'Unknown', offset: d.length, truncated: true };
  }
  switch (protocol) {
    case ARCNET_PROTOCOL.IP_1201:
    case ARCNET_PROTOCOL.IP_1051:
      return { network: 'IPv4', offset: o };
    case ARCNET_PROTOCOL.IPV6:
      return { network: 'IPv6', offset: o };
    case ARCNET_PROTOCOL.ARP_1201:
    case ARCNET_PROTOCOL.ARP_1051:
      return { network: 'ARP', offset: o };
    default:
      return { network: 'Unknown', offset: o };
  }
}
