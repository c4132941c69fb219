/** Picks the link-layer decoder for a pcap link type. */
import type { LinkResult } from './layer-results.ts';
import { decodeArcnet } from './link-arcnet.ts';
import { followPppoe, linkResult } from './ethertype.ts';
import { decodeEthernet } from './link-ethernet.ts';
import { decodeIpoib } from './link-ipoib.ts';
import { decodeJuniperEther } from './link-juniper.ts';
import { decodeNflog } from './link-nflog.ts';
import { decodeLoop, decodeNull } from './link-null.ts';
import { decodePktap } from './link-pktap.ts';
import { decodeChdlc, decodePpp } from './link-ppp.ts';
import { decodeRaw } from './link-raw.ts';
import { decodeSll } from './link-sll.ts';
import { decodeSll2 } from './link-sll2.ts';
import { LINKTYPE } from './link-types.ts';
import { decodeRadiotap, decodeWlan } from './link-wlan.ts';

/** A PKTAP's frame: any link type but PKTAP again. */
function pktapInner(linkType: number, d: Uint8Array): LinkResult | undefined {
  return linkType === LINKTYPE.PKTAP || linkType === LINKTYPE.USER2
    ? undefined
    : decodeLink(linkType, d);
}

/** Decodes the link header, or returns undefined for a link type we do not know. */
export function decodeLink(linkType: number, d: Uint8Array): LinkResult | undefined {
  switch (linkType) {
    case LINKTYPE.ETHERNET:
      return decodeEthernet(d);
    case LINKTYPE.NULL:
      return decodeNull(d);
    case LINKTYPE.LOOP:
      return decodeLoop(d);
    case LINKTYPE.LINUX_SLL:
      return decodeSll(d);
    case LINKTYPE.LINUX_SLL2:
      return decodeSll2(d);
    case LINKTYPE.RAW:
    case LINKTYPE.RAW_12:
    case LINKTYPE.RAW_14:
      return decodeRaw(d);
    case LINKTYPE.PPP:
    case LINKTYPE.PPP_HDLC:
      return decodePpp(d);
    case LINKTYPE.PPP_ETHER:
      return followPppoe(d, 0, 'Unknown');
    case LINKTYPE.C_HDLC:
      return decodeChdlc(d);
    case LINKTYPE.ARCNET_BSD:
      return decodeArcnet(d, false);
    case LINKTYPE.ARCNET_LINUX:
      return decodeArcnet(d, true);
    case LINKTYPE.NFLOG:
      return decodeNflog(d);
    case LINKTYPE.IPOIB:
      return decodeIpoib(d);
    case LINKTYPE.IEEE802_11:
      return decodeWlan(d);
    case LINKTYPE.IEEE802_11_RADIOTAP:
      return decodeRadiotap(d);
    case LINKTYPE.JUNIPER_ETHER:
      return decodeJuniperEther(d);
    case LINKTYPE.PKTAP:
    case LINKTYPE.USER2:
      return decodePktap(d, pktapInner);
    case LINKTYPE.IPV4:
      return linkResult('IPv4', 0);
    case LINKTYPE.IPV6:
      return linkResult('IPv6', 0);
    default:
      return undefined;
  }
}
