/** ICMP for IPv4: type, code, and for errors the flow quoted from the offending packet. */
import { formatIpv4 } from './addresses.ts';
import type { QuotedFlow } from './decoded-packet.ts';
import type { TransportResult } from './layer-results.ts';
import { quotedFlow } from './quoted-ports.ts';
import { decodeIcmpMessage, type IcmpFamily } from './icmp-message.ts';

/** @see https://www.iana.org/assignments/icmp-parameters */
export const ICMP_TYPE = {
  ECHO_REPLY: 0,
  DEST_UNREACHABLE: 3, // code 3: port unreachable
  SOURCE_QUENCH: 4,
  REDIRECT: 5,
  ECHO_REQUEST: 8,
  TIME_EXCEEDED: 11,
  PARAMETER_PROBLEM: 12,
} as const;

const ERRORS = new Set<number>([3, 4, 5, 11, 12]);

/** The IPv4 header + first 8 transport bytes an error quotes. @see RFC 792 */
function decodeQuoted(d: Uint8Array, o: number, end: number): QuotedFlow | undefined {
  if (end - o < 20 || d[o]! >> 4 !== 4) return undefined;
  const ihl = (d[o]! & 15) * 4;
  if (ihl < 20) return undefined;
  return quotedFlow(d, formatIpv4(d, o + 12), formatIpv4(d, o + 16), d[o + 9]!, o + ihl, end);
}

/** @see RFC 792: type (1), code (1), checksum (2), rest of header (4), body */
const ICMP: IcmpFamily = { proto: 'ICMP', isError: (t) => ERRORS.has(t), decodeQuoted };

/** `icmpLen` is the ICMP message length the IP header declares. */
export function decodeIcmp(
  d: Uint8Array,
  o: number,
  capEnd: number,
  icmpLen: number,
): TransportResult {
  return decodeIcmpMessage(ICMP, d, o, capEnd, icmpLen);
}
