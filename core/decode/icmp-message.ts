/**
 * The part ICMP and ICMPv6 share: an 8-byte header of type, code, checksum and 4 bytes, then for
 * error messages the start of the packet that caused the error. @see RFC 792, RFC 4443 §2.1
 */
import type { QuotedFlow } from './decoded-packet.ts';
import type { TransportResult } from './layer-results.ts';

const HEADER = 8;

export interface IcmpFamily {
  proto: 'ICMP' | 'ICMPv6';
  /** Error messages quote the offending packet. */
  isError(type: number): boolean;
  /** The flow quoted at `o` (IP header and the first transport bytes). */
  decodeQuoted(d: Uint8Array, o: number, end: number): QuotedFlow | undefined;
}

/** `icmpLen` is the message length the IP header declares; `capEnd` where captured bytes end. */
export function decodeIcmpMessage(
  family: IcmpFamily,
  d: Uint8Array,
  o: number,
  capEnd: number,
  icmpLen: number,
): TransportResult {
  const len = Math.max(0, icmpLen - HEADER);
  if (icmpLen < HEADER)
    return { len, malformed: `${family.proto} message of ${icmpLen} bytes < 8` };
  if (capEnd - o < HEADER) return { len, truncated: true };
  const type = d[o]!;
  const result: TransportResult = { proto: family.proto, len, icmp: { type, code: d[o + 1]! } };
  if (family.isError(type)) {
    const inner = family.decodeQuoted(d, o + HEADER, capEnd);
    if (inner) result.icmp!.inner = inner;
  }
  return result;
}
