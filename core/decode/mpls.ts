/** MPLS label stack: walked to its bottom, the payload's IP version read from its first nibble. */
import type { LinkResult, NetworkKind } from './layer-results.ts';

const LABEL = 4;
const MAX_LABELS = 16;

/**
 * Follows an MPLS label stack starting at `o`. The stack does not say what it carries: like
 * tshark, a first nibble of 4 or 6 is taken as IPv4 or IPv6; anything else is left as `other`.
 * @see RFC 3032 §2.1: label (20 bits), traffic class (3), bottom of stack (1), TTL (8)
 */
export function followMpls(d: Uint8Array, o: number, other: NetworkKind): LinkResult {
  let at = o;
  for (let i = 0; ; i++) {
    if (i === MAX_LABELS)
      return { network: other, offset: at, malformed: `more than ${MAX_LABELS} MPLS labels` };
    if (at + LABEL > d.length) return { network: other, offset: d.length, truncated: true };
    const bottom = (d[at + 2]! & 1) === 1;
    at += LABEL;
    if (bottom) break;
  }
  if (at >= d.length) return { network: other, offset: at, truncated: true };
  const version = d[at]! >> 4;
  if (version === 4) return { network: 'IPv4', offset: at };
  if (version === 6) return { network: 'IPv6', offset: at };
  return { network: other, offset: at };
}
