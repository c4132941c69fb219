/** PPP links (LINKTYPE_PPP, LINKTYPE_PPP_HDLC) and Cisco HDLC (LINKTYPE_C_HDLC). */
import { followEthertype } from './ethertype.ts';
import type { LinkResult } from './layer-results.ts';
import { followPppProtocol } from './ppp-protocol.ts';
import { u16 } from './read-bytes.ts';

const HDLC_ALL_STATIONS = 0xff;
const HDLC_UI = 0x03;
/** Cisco HDLC's unicast and multicast addresses, which PPP links may carry too (as tshark sees). */
const CHDLC_ADDRESSES = new Set([0x0f, 0x8f]);

/**
 * @see https://www.tcpdump.org/linktypes/LINKTYPE_C_HDLC.html
 * address (1), control (1), ethertype (2)
 */
export function decodeChdlc(d: Uint8Array): LinkResult {
  if (d.length < 4) return { network: 'Unknown', offset: d.length, truncated: true };
  return followEthertype(d, 4, u16(d, 2), 'Unknown');
}

/**
 * @see RFC 1662 §3.1: address 0xff and control 0x03, both left out when compressed (RFC 1661
 * §6.6), then the protocol field; a Cisco HDLC address means a Cisco HDLC frame.
 */
export function decodePpp(d: Uint8Array): LinkResult {
  if (d.length < 1) return { network: 'Unknown', offset: 0, truncated: true };
  if (CHDLC_ADDRESSES.has(d[0]!)) return decodeChdlc(d);
  if (d[0] !== HDLC_ALL_STATIONS) return followPppProtocol(d, 0, 'Unknown');
  if (d.length < 2) return { network: 'Unknown', offset: d.length, truncated: true };
  if (d[1] !== HDLC_UI)
    return {
      network: 'Unknown',
      offset: 2,
      malformed: `PPP control field 0x${d[1]!.toString(16)}`,
    };
  return followPppProtocol(d, 2, 'Unknown');
}
