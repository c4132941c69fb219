/** Linux cooked capture v2 header (LINKTYPE_LINUX_SLL2, what `tcpdump -i any` writes). */
import { followEthertype } from './ethertype.ts';
import type { LinkResult } from './layer-results.ts';
import { u16 } from './read-bytes.ts';

const HEADER = 20;
const ARPHRD_NETLINK = 824; // protocol field is then a netlink family, not an ethertype

/**
 * @see https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html
 * protocol (2), reserved (2), interface index (4), ARPHRD type (2), packet type (1),
 * address length (1), address (8)
 */
export function decodeSll2(d: Uint8Array): LinkResult {
  if (d.length < HEADER) return { network: 'Unknown', offset: d.length, truncated: true };
  if (u16(d, 8) === ARPHRD_NETLINK) return { network: 'Unknown', offset: HEADER };
  return followEthertype(d, HEADER, u16(d, 0), 'Unknown');
}
