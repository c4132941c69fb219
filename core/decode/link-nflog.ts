/** Linux netfilter log links (LINKTYPE_NFLOG), as tshark's nflog dissector reads them. */
import type { LinkResult, NetworkKind } from './layer-results.ts';
import { u16le } from './read-bytes.ts';

/** Linux address families; NFLOG is Linux-only, so AF_INET6 is 10. */
const AF_INET = 2;
const AF_INET6 = 10;
/** @see linux/netfilter/nfnetlink_log.h: NFULA_PAYLOAD */
const NFULA_PAYLOAD = 9;
/** The type's two top bits are netlink flags (nested, network byte order); tshark masks one. */
const TYPE_MASK = 0x7fff;
const HEADER = 4;
const TLV_HEADER = 4;

function payloadKind(family: number): NetworkKind {
  if (family === AF_INET) return 'IPv4';
  return family === AF_INET6 ? 'IPv6' : 'Unknown';
}

/**
 * @see https://www.tcpdump.org/linktypes/LINKTYPE_NFLOG.html
 * family (1), version (1), resource id (2, big-endian), then TLVs: length (2) and type (2) in
 * the capturing host's byte order (little-endian, as tshark assumes), value, padded to 4 bytes;
 * the packet is the value of the NFULA_PAYLOAD TLV.
 */
export function decodeNflog(d: Uint8Array): LinkResult {
  if (d.length < HEADER) return { network: 'Unknown', offset: d.length, truncated: true };
  let o = HEADER;
  while (o + TLV_HEADER <= d.length) {
    const length = u16le(d, o);
    if (length < TLV_HEADER)
      return { network: 'Unknown', offset: o, malformed: `NFLOG TLV length ${length}` };
    if ((u16le(d, o + 2) & TYPE_MASK) === NFULA_PAYLOAD)
      return { network: payloadKind(d[0]!), offset: o + TLV_HEADER };
    o += (length + 3) & ~3;
  }
  return { network: 'Unknown', offset: Math.min(o, d.length) };
}
