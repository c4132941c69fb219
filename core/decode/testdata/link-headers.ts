/** Link-layer headers for fixtures, each field commented. Append a network packet to use one. */
import { fields } from './hex.ts';

const MACS = fields(
  '02 00 00 00 00 02', // destination MAC
  '02 00 00 00 00 01', // source MAC
);

/** @see IEEE 802.3 §3.1.1 */
export const ETH_IPV4 = fields(MACS, '08 00'); // ethertype IPv4
export const ETH_IPV6 = fields(MACS, '86 dd'); // ethertype IPv6
export const ETH_ARP = fields(MACS, '08 06'); // ethertype ARP
export const ETH_LLDP = fields(MACS, '88 cc'); // ethertype LLDP: not decoded

/** @see IEEE 802.1Q §9.6 */
export const ETH_VLAN_IPV4 = fields(
  MACS,
  '81 00', // TPID 802.1Q
  '00 64', // TCI: priority 0, VLAN 100
  '08 00', // inner ethertype IPv4
);

/** 802.1ad service tag outside an 802.1Q customer tag. */
export const ETH_QINQ_IPV4 = fields(
  MACS,
  '88 a8', // TPID 802.1ad
  '00 c8', // TCI: service VLAN 200
  '81 00', // TPID 802.1Q
  '00 64', // TCI: customer VLAN 100
  '08 00', // inner ethertype IPv4
);

/** @see https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html */
export const SLL_IPV4 = fields(
  '00 00', // packet type: to us
  '03 04', // ARPHRD_LOOPBACK (772)
  '00 06', // address length
  '00 00 00 00 00 00 00 00', // address, padded to 8
  '08 00', // protocol IPv4
);

/** @see https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html */
export const SLL2_IPV6 = fields(
  '86 dd', // protocol IPv6
  '00 00', // reserved
  '00 00 00 01', // interface index 1
  '03 04', // ARPHRD_LOOPBACK (772)
  '00', // packet type: to us
  '06', // address length
  '00 00 00 00 00 00 00 00', // address, padded to 8
);

/** @see https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html */
export const NULL_LE_IPV4 = '02 00 00 00'; // AF_INET, little-endian host
export const NULL_BE_IPV4 = '00 00 00 02'; // AF_INET, big-endian host
export const NULL_LE_IPV6_MACOS = '1e 00 00 00'; // AF_INET6 on macOS (30)

/** @see https://www.tcpdump.org/linktypes/LINKTYPE_LOOP.html */
export const LOOP_IPV4 = '00 00 00 02'; // AF_INET, network order
export const LOOP_IPV6_OPENBSD = '00 00 00 18'; // AF_INET6 on OpenBSD (24)
