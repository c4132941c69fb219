/** Ethertype dispatch shared by Ethernet and Linux cooked headers, walking VLAN tags. */
import type { LinkResult, NetworkKind } from './layer-results.ts';
import { followMpls } from './mpls.ts';
import { followNsh } from './nsh.ts';
import { followPppProtocol } from './ppp-protocol.ts';
import { u16 } from './read-bytes.ts';

/** @see https://www.iana.org/assignments/ieee-802-numbers */
export const ETHERTYPE = {
  IPV4: 0x0800,
  ARP: 0x0806,
  VLAN: 0x8100, // 802.1Q customer tag
  QINQ: 0x88a8, // 802.1ad service tag
  QINQ_LEGACY: 0x9100, // pre-standard QinQ
  IPV6: 0x86dd,
  MPLS_UNICAST: 0x8847,
  MPLS_MULTICAST: 0x8848,
  PPPOE_SESSION: 0x8864,
  MACSEC: 0x88e5,
  NSH: 0x894f,
} as const;

/** @see IEEE 802.1AE §9.3: TCI/AN (1), short length (1), packet number (4), SCI (8 when SC) */
const SECTAG = 6;
const SCI = 8;
const TCI_SC = 0x20;
const TCI_E = 0x08; // encrypted: nothing after the SecTAG is readable

/** @see RFC 2516 §4: version/type (1), code (1), session id (2), length (2), then PPP */
const PPPOE_HEADER = 6;

/** VLAN tags and MACsec SecTAGs walked at most. */
const MAX_TAGS = 8;

/** One frozen result per (network, offset) that nothing went wrong in, shared by every frame with
 * it: an object per frame was one more to collect for every packet. */
const plainResults = new Map<NetworkKind, LinkResult[]>();
const SHARED_OFFSETS = 256;

/** `{ network, offset }`, the same object for every frame that has it. */
export function linkResult(network: NetworkKind, offset: number): LinkResult {
  if (offset >= SHARED_OFFSETS) return { network, offset };
  let byOffset = plainResults.get(network);
  if (!byOffset) plainResults.set(network, (byOffset = []));
  return (byOffset[offset] ??= Object.freeze({ network, offset }));
}

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
  for (let i = 0; isVlanTag(t) || t === ETHERTYPE.MACSEC; i++) {
    if (i === MAX_TAGS)
      return { network: other, offset: o, malformed: `more than ${MAX_TAGS} VLAN tags` };
    if (t === ETHERTYPE.MACSEC) {
      // An unencrypted MACsec frame carries the original ethertype after its SecTAG.
      if (o + 1 > d.length) return { network: other, offset: d.length, truncated: true };
      if (d[o]! & TCI_E) return { network: other, offset: o };
      const tag = SECTAG + (d[o]! & TCI_SC ? SCI : 0);
      if (o + tag + 2 > d.length) return { network: other, offset: d.length, truncated: true };
      t = u16(d, o + tag);
      o += tag + 2;
      continue;
    }
    // @see IEEE 802.1Q §9.6: TCI (2) then the inner ethertype (2)
    if (o + 4 > d.length) return { network: other, offset: d.length, truncated: true };
    t = u16(d, o + 2);
    o += 4;
  }
  if (t === ETHERTYPE.IPV4) return linkResult('IPv4', o);
  if (t === ETHERTYPE.IPV6) return linkResult('IPv6', o);
  if (t === ETHERTYPE.ARP) return linkResult('ARP', o);
  if (t === ETHERTYPE.MPLS_UNICAST || t === ETHERTYPE.MPLS_MULTICAST)
    return followMpls(d, o, other);
  if (t === ETHERTYPE.PPPOE_SESSION) return followPppoe(d, o, other);
  if (t === ETHERTYPE.NSH) return followNsh(d, o, other);
  return { network: other, offset: o };
}

/** A PPPoE session header at `o`, then its PPP protocol field. */
export function followPppoe(d: Uint8Array, o: number, other: NetworkKind): LinkResult {
  if (o + PPPOE_HEADER > d.length) return { network: other, offset: d.length, truncated: true };
  return followPppProtocol(d, o + PPPOE_HEADER, other);
}
