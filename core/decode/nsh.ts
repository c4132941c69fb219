/** Network Service Header (ethertype 0x894F): skipped by its length, then its next protocol. */
import { followEthertype } from './ethertype.ts';
import type { LinkResult, NetworkKind } from './layer-results.ts';
import { followMpls } from './mpls.ts';
import { u16 } from './read-bytes.ts';

/** @see RFC 8300 §2.2: next protocol values */
const NEXT = { IPV4: 1, IPV6: 2, ETHERNET: 3, MPLS: 5 } as const;
const BASE = 8; // base header and service path header, the least a length can say
const ETHERNET = 14;

/**
 * An NSH at `o`; an NSH carrying another NSH (next protocol 4) is left as `other`.
 * @see RFC 8300 §2.2: ver/O/U/TTL/length (2; length in 4-byte words, 6 bits), U/MD type (1),
 * next protocol (1), service path id (3), service index (1), context headers
 */
export function followNsh(d: Uint8Array, o: number, other: NetworkKind): LinkResult {
  if (o + 4 > d.length) return { network: other, offset: d.length, truncated: true };
  const length = (d[o + 1]! & 0x3f) * 4;
  if (length < BASE) return { network: other, offset: o, malformed: `NSH length ${length} < 8` };
  const at = o + length;
  if (at > d.length) return { network: other, offset: d.length, truncated: true };
  switch (d[o + 3]) {
    case NEXT.IPV4:
      return { network: 'IPv4', offset: at };
    case NEXT.IPV6:
      return { network: 'IPv6', offset: at };
    case NEXT.MPLS:
      return followMpls(d, at, other);
    case NEXT.ETHERNET:
      if (at + ETHERNET > d.length) return { network: other, offset: d.length, truncated: true };
      return followEthertype(d, at + ETHERNET, u16(d, at + 12), other);
    default:
      return { network: other, offset: at };
  }
}
