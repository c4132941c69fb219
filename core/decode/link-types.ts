/** LINKTYPE_* numbers (pcap link-layer header types) that the decoders understand. */

/** @see https://www.tcpdump.org/linktypes.html */
export const LINKTYPE = {
  /** BSD loopback: 4-byte address family in the capturing host's byte order. */
  NULL: 0,
  /** Ethernet II, 802.3; also what Linux `lo` captures as. */
  ETHERNET: 1,
  /** ARCnet as BSD captures it: source, destination, protocol id. */
  ARCNET_BSD: 7,
  /** PPP: optional HDLC address and control, then the protocol field. */
  PPP: 9,
  /** Raw IP as DLT_RAW is numbered on some BSDs. */
  RAW_12: 12,
  /** Raw IP as DLT_RAW is numbered on OpenBSD. */
  RAW_14: 14,
  /** PPP in HDLC-like framing (RFC 1662), already unescaped. */
  PPP_HDLC: 50,
  /** PPPoE: the session header, then PPP's protocol field. */
  PPP_ETHER: 51,
  /** Raw IP, version taken from the first nibble. */
  RAW: 101,
  /** Cisco HDLC: address, control, ethertype. */
  C_HDLC: 104,
  /** IEEE 802.11 frames, no radio header. */
  IEEE802_11: 105,
  /** OpenBSD loopback: 4-byte address family in network byte order. */
  LOOP: 108,
  /** Linux "cooked" capture v1 (`tcpdump -i any -y LINUX_SLL`). */
  LINUX_SLL: 113,
  /** ARCnet as Linux captures it: source, destination, offset, protocol id. */
  ARCNET_LINUX: 129,
  /** IEEE 802.11 frames after a radiotap header. */
  IEEE802_11_RADIOTAP: 127,
  /** DLT_USER2: private use; macOS writes PKTAP with this number. */
  USER2: 149,
  /** Juniper Ethernet: Juniper's "MGC" header, then an Ethernet frame. */
  JUNIPER_ETHER: 178,
  /** Raw IPv4 only. */
  IPV4: 228,
  /** Raw IPv6 only. */
  IPV6: 229,
  /** Linux netfilter log: family, version, resource id, then TLVs holding the packet. */
  NFLOG: 239,
  /** IP over InfiniBand: Linux's address pseudo-header, then RFC 4391's type and reserved. */
  IPOIB: 242,
  /** Apple's PKTAP: process and interface details, then a frame of the link type it names. */
  PKTAP: 258,
  /** Linux "cooked" capture v2 (`tcpdump -i any`). */
  LINUX_SLL2: 276,
} as const;

/** Name of a supported link type: 'NULL' | 'ETHERNET' | 'RAW' | 'LOOP' | 'LINUX_SLL' | 'LINUX_SLL2' | … */
export type LinkTypeName = keyof typeof LINKTYPE;

/** Number of a supported link type. */
export type LinkType = (typeof LINKTYPE)[LinkTypeName];
