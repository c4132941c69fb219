/** PPP protocol field dispatch, shared by PPP links and PPPoE sessions. */
import type { LinkResult, NetworkKind } from './layer-results.ts';
import { followMpls } from './mpls.ts';

/** @see https://www.iana.org/assignments/ppp-numbers */
export const PPP_PROTO = {
  IPV4: 0x0021,
  IPV6: 0x0057,
  MPLS_UNICAST: 0x0281,
  MPLS_MULTICAST: 0x0283,
} as const;

/**
 * What follows a PPP protocol field read at `o` (1 byte when compressed: an odd first byte,
 * 2 otherwise). `other` names what is left when the payload is neither IP nor MPLS over IP.
 * @see RFC 1661 §2: protocol (1 or 2)
 */
export function followPppProtocol(d: Uint8Array, o: number, other: NetworkKind): LinkResult {
  if (o >= d.length) return { network: other, offset: d.length, truncated: true };
  const compressed = (d[o]! & 1) === 1;
  if (!compressed && o + 2 > d.length) return { network: other, offset: d.length, truncated: true };
  const proto = compressed ? d[o]! : (d[o]! << 8) | d[o + 1]!;
  const at = o + (compressed ? 1 : 2);
  if (proto === PPP_PROTO.IPV4) return { network: 'IPv4', offset: at };
  if (proto === PPP_PROTO.IPV6) return { network: 'IPv6', offset: at };
  if (proto === PPP_PROTO.MPLS_UNICAST || proto === PPP_PROTO.MPLS_MULTICAST)
    return followMpls(d, at, other);
  return { network: other, offset: at };
}
