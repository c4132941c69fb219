/** Ethernet II link header (with 802.1Q / 802.1ad tags). */
import { followEthertype } from './ethertype.ts';
import type { LinkResult } from './layer-results.ts';
import { u16 } from './read-bytes.ts';

const HEADER = 14;

/** @see IEEE 802.3 §3.1.1: destination MAC (6), source MAC (6), ethertype or length (2) */
export function decodeEthernet(d: Uint8Array): LinkResult {
  if (d.length < HEADER) return { network: 'Ethernet', offset: d.length, truncated: true };
  // values below 0x0600 are 802.3 lengths: followEthertype leaves them as 'Ethernet'
  return followEthertype(d, HEADER, u16(d, 12), 'Ethernet');
}
