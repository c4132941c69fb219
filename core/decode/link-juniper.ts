/** Juniper Ethernet links (LINKTYPE_JUNIPER_ETHER), as tshark's juniper dissector reads them. */
import { decodeEthernet } from './link-ethernet.ts';
import type { LinkResult } from './layer-results.ts';
import { u16, u32le } from './read-bytes.ts';

const MAGIC = 0x4d4743; // "MGC"
const FLAG_NO_L2 = 0x02; // the link header was stripped; a protocol number stands instead
const FLAG_EXT = 0x80; // TLV extensions follow the flags
/** JUNOS protocol numbers of a frame without a link header (tshark's packet-juniper.h). */
const PROTO_IP = 2;
const PROTO_IP6 = 6;
const PROTO_IP_PREFIXED = 0xa248; // 4 unknown bytes, then IPv4

/** The Ethernet frame after `at`, with offsets counted from the start of `d`. */
function ethernetAt(d: Uint8Array, at: number): LinkResult {
  const inner = decodeEthernet(d.subarray(at));
  return { ...inner, offset: at + inner.offset };
}

/**
 * @see https://www.tcpdump.org/linktypes/LINKTYPE_JUNIPER_ETHER.html
 * magic "MGC" (3), flags (1), with FLAG_EXT: extensions' length (2, big-endian) and TLVs; then
 * the Ethernet frame, or with FLAG_NO_L2 a protocol number (4, little-endian) and the packet.
 * Without the magic (old JUNOS releases) the frame is Ethernet from its first byte, as tshark
 * takes it.
 */
export function decodeJuniperEther(d: Uint8Array): LinkResult {
  if (d.length < 4) return { network: 'Unknown', offset: d.length, truncated: true };
  if (((d[0]! << 16) | (d[1]! << 8) | d[2]!) !== MAGIC) return decodeEthernet(d);
  const flags = d[3]!;
  let at = 4;
  if (flags & FLAG_EXT) {
    if (d.length < 6) return { network: 'Unknown', offset: d.length, truncated: true };
    at = 6 + u16(d, 4);
  }
  if (!(flags & FLAG_NO_L2)) {
    if (at > d.length) return { network: 'Unknown', offset: d.length, truncated: true };
    return ethernetAt(d, at);
  }
  if (at + 4 > d.length) return { network: 'Unknown', offset: d.length, truncated: true };
  const proto = u32le(d, at);
  at += 4;
  if (proto === PROTO_IP) return { network: 'IPv4', offset: at };
  if (proto === PROTO_IP6) return { network: 'IPv6', offset: at };
  if (proto === PROTO_IP_PREFIXED) return { network: 'IPv4', offset: at + 4 };
  return { network: 'Unknown', offset: at };
}
