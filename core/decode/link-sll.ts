/** Linux cooked capture v1 header (LINKTYPE_LINUX_SLL). */
import { followEthertype } from './ethertype.ts';
import type { LinkResult } from './layer-results.ts';
import { u16 } from './read-bytes.ts';

const HEADER = 16;
const ARPHRD_NETLINK = 824; // protocol field is then a netlink family, not an ethertype

/**
 * @see https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html
 * packet type (2), ARPHRD type (2), address length (2), address (8), protocol (2)
 */
export function decodeSll(d: Uint8Array): LinkResult {
  if (d.length < HEADER) return { network: 'Unknown', offset: d.length, truncated: true };
  if (u16(d, 2) === ARPHRD_NETLINK) return { network: 'Unknown', offset: HEADER };
  return followEthertype(d, HEADER, u16(d, 14), 'Unknown');
}
