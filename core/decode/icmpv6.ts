/** ICMPv6: type, code, and for errors the flow quoted from the offending packet. */
import { formatIpv6 } from './addresses.ts';
import type { QuotedFlow } from './decoded-packet.ts';
import { walkIpv6Extensions } from './ipv6-extensions.ts';
import type { TransportResult } from './layer-results.ts';
import { quotedFlow } from './quoted-ports.ts';
import { decodeIcmpMessage, type IcmpFamily } from './icmp-message.ts';

const IPV6_HEADER = 40;

/** @see https://www.iana.org/assignments/icmpv6-parameters */
export const ICMPV6_TYPE = {
  DEST_UNREACHABLE: 1, // code 4: port unreachable
  PACKET_TOO_BIG: 2,
  TIME_EXCEEDED: 3,
  PARAMETER_PROBLEM: 4,
  ECHO_REQUEST: 128,
  ECHO_REPLY: 129,
  ROUTER_SOLICITATION: 133, // NDP, RFC 4861
  ROUTER_ADVERTISEMENT: 134,
  NEIGHBOR_SOLICITATION: 135,
  NEIGHBOR_ADVERTISEMENT: 136,
  REDIRECT: 137,
} as const;

/** The IPv6 header (and extension headers) an error quotes. @see RFC 4443 §3 */
function decodeQuoted(d: Uint8Array, o: number, end: number): QuotedFlow | undefined {
  if (end - o < IPV6_HEADER || d[o]! >> 4 !== 6) return undefined;
  const src = formatIpv6(d, o + 8);
  const dst = formatIpv6(d, o + 24);
  const chain = walkIpv6Extensions(d, o + IPV6_HEADER, d[o + 6]!, end, end);
  if (chain.protocol === undefined) return { src, dst, proto: 'IPv6' };
  return quotedFlow(d, src, dst, chain.protocol, chain.offset, end);
}

/** @see RFC 4443 §2.1: type (1), code (1), checksum (2), message body (4 bytes of it fixed) */
const ICMPV6: IcmpFamily = {
  proto: 'ICMPv6',
  isError: (t) => t >= ICMPV6_TYPE.DEST_UNREACHABLE && t <= ICMPV6_TYPE.PARAMETER_PROBLEM,
  decodeQuoted,
};

/** `icmpLen` is the ICMPv6 message length the IPv6 header declares. */
export function decodeIcmpv6(
  d: Uint8Array,
  o: number,
  capEnd: number,
  icmpLen: number,
): TransportResult {
  return decodeIcmpMessage(ICMPV6, d, o, capEnd, icmpLen);
}
