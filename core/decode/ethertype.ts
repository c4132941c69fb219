/** Ethertype dispatch shared by Ethernet and Linux cooked headers, walking VLAN tags. */
import type { LinkResult, NetworkKind } from './layer-results.ts';
import { u16 } from './read-bytes.ts';

/** @see https://www.iana.org/assignments/ieee-802-numbers */
export const ETHERTYPE = {
  IPV4: 0x0800,
  ARP: 0x0806,
  VLAN: 0x8100, // 802.1Q customer tag
  QINQ: 0x88a8, // 802.1ad service tag
  QINQ_LEGACY: 0x9100, // pre-standard QinQ
  IPV6: 0x86dd,
} as const;

const MAX_TAGS = 8;

function isVlanTag(t: number): boolean {
  return t === ETHERTYPE.VLAN || t === ETHERTYPE.QINQ || t === ETHERTYPE.QINQ_LEGACY;
}

/**
 * Follows `type` found just before `offset`, skipping stacked VLAN tags; `other` names
 * what is left when the payload is neither IP nor ARP.
 */
export function followEthertype(
  d: Uint8Array,
  offset: number,
  type: number,
  other: NetworkKind,
): LinkResult {
  let t = type;
  let o = offset;
  for (let i = 0; isVlanTag(t); i++) {
    if (i === MAX_TAGS)
      return { network: other, offset: o, malformed: `more than ${MAX_TAGS} VLAN tags` };
    // @see IEEE 802.1Q §9.6: TCI (2) then the inner ethertype (2)
    if (o + 4 > d.length) return { network: other, offset: d.length, truncated: true };
    t = u16(d, o + 2);
    o += 4;
  }
  if (t === ETHERTYPE.IPV4) return { network: 'IPv4', offset: o };
  if (t === ETHERTYPE.IPV6) return { network: 'IPv6', offset: o };
  if (t === ETHERTYPE.ARP) return { network: 'ARP', offset: o };
  return { network: other, offset: o };
}
