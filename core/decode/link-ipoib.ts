/** IP over InfiniBand links (LINKTYPE_IPOIB), as Linux captures them and tshark reads them. */
import { followEthertype } from './ethertype.ts';
import type { LinkResult } from './layer-results.ts';
import { u16 } from './read-bytes.ts';

/** Linux puts two 20-byte hardware addresses (QPN and GID) before RFC 4391's header. */
const ADDRESSES = 40;
const HEADER = ADDRESSES + 4;

/**
 * @see RFC 4391 §6: type (2), reserved (2), after Linux's 40-byte address pseudo-header
 * @see https://www.tcpdump.org/linktypes/LINKTYPE_IPOIB.html
 */
export function decodeIpoib(d: Uint8Array): LinkResult {
  if (d.length < HEADER) return { network: 'Unknown', offset: d.length, truncated: true };
  return followEthertype(d, HEADER, u16(d, ADDRESSES), 'Unknown');
}
