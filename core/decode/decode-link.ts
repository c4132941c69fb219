/** Picks the link-layer decoder for a pcap link type. */
import type { LinkResult } from './layer-results.ts';
import { decodeArcnet } from './link-arcnet.ts';
import { followPppoe } from './ethertype.ts';
import { decodeEthernet } from './link-ethernet.ts';
import { decodeIpoib } from './link-ipoib.ts';
import { decodeNflog } from './link-nflog.ts';
import { decodeLoop, decodeNull } from './link-null.ts';
import { decodeChdlc, decodePpp } from './link-ppp.ts';
import { decodeRaw } from './link-raw.ts';
import { decodeSll } from './link-sll.ts';
import { decodeSll2 } from './link-sll2.ts';
import { LINKTYPE } from './link-types.ts';

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
    case LINKTYPE.IPV4:
      return { network: 'IPv4', offset: 0 };
    case LINKTYPE.IPV6:
      return { network: 'IPv6', offset: 0 };
    default:
      return undefined;
  }
}
