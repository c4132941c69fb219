/** Whole frames, each with its link type and the fields it must decode to. */
import type { DecodedPacket } from '../decoded-packet.ts';
import { LINKTYPE } from '../link-types.ts';
import { fields } from './hex.ts';
import * as v4 from './ipv4-packets.ts';
import * as v6 from './ipv6-packets.ts';
import * as link from './link-headers.ts';

export interface FrameCase {
  name: string;
  linkType: number;
  frame: string;
  expected: Partial<DecodedPacket>;
}

const A_B = { ipVersion: 4, src: '10.0.0.1', dst: '10.0.0.2' } as const;
const B_A = { ipVersion: 4, src: '10.0.0.2', dst: '10.0.0.1' } as const;
const SYN: Partial<DecodedPacket> = {
  ...A_B,
  proto: 'TCP',
  sport: 50000,
  dport: 8080,
  len: 0,
  tcp: {
    seq: 0x11223344,
    ack: 0,
    flags: ['SYN'],
    window: 64240,
    urgent: 0,
    headerLength: 40,
    options: { mss: 1460, sackPermitted: true, timestamp: { value: 123456, echo: 0 }, wscale: 7 },
  },
};
const UDP_PING: Partial<DecodedPacket> = { proto: 'UDP', sport: 54321, dport: 7, len: 4, payloadHex: '70696e67' };
const V6_1_2 = { ipVersion: 6, src: '2001:db8::1', dst: '2001:db8::2' } as const;
const SYN_ACK_V6: Partial<DecodedPacket> = {
  ipVersion: 6,
  src: '2001:db8::2',
  dst: '2001:db8::1',
  proto: 'TCP',
  sport: 8080,
  dport: 50000,
  len: 0,
  tcp: { seq: 0xaabbccdd, ack: 0x11223345, flags: ['SYN', 'ACK'], window: 65535, urgent: 0, headerLength: 20, options: {} },
};

export const FRAMES: FrameCase[] = [
  { name: 'Ethernet IPv4 TCP SYN with options', linkType: LINKTYPE.ETHERNET, frame: fields(link.ETH_IPV4, v4.IPV4_TCP_SYN), expected: SYN },
  {
    name: 'Ethernet IPv4 TCP PSH,ACK with payload',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(link.ETH_IPV4, v4.IPV4_TCP_PSH_ACK),
    expected: {
      ...A_B,
      proto: 'TCP',
      len: 6,
      payloadHex: '68656c6c6f0a',
      tcp: {
        seq: 0x11223345,
        ack: 0x55667789,
        flags: ['PSH', 'ACK'],
        window: 502,
        urgent: 0,
        headerLength: 32,
        options: { timestamp: { value: 123556, echo: 123456 } },
      },
    },
  },
  {
    name: 'all nine TCP flags',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(link.ETH_IPV4, v4.IPV4_TCP_ALL_FLAGS),
    expected: {
      proto: 'TCP',
      len: 0,
      tcp: {
        seq: 1,
        ack: 2,
        flags: ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'AE'],
        window: 4096,
        urgent: 7,
        headerLength: 20,
        options: {},
      },
    },
  },
  {
    name: 'bad TCP option length',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(link.ETH_IPV4, v4.IPV4_TCP_BAD_OPTION),
    expected: { proto: 'TCP', len: 0, tcp: { ...SYN.tcp!, seq: 1, window: 1024, headerLength: 28, options: { mss: 1460 } }, malformed: 'bad TCP option length at byte 24' },
  },
  { name: '802.1Q VLAN', linkType: LINKTYPE.ETHERNET, frame: fields(link.ETH_VLAN_IPV4, v4.IPV4_UDP), expected: { ...A_B, ...UDP_PING } },
  { name: 'QinQ', linkType: LINKTYPE.ETHERNET, frame: fields(link.ETH_QINQ_IPV4, v4.IPV4_UDP), expected: { ...A_B, ...UDP_PING } },
  { name: 'IPv4 with options', linkType: LINKTYPE.ETHERNET, frame: fields(link.ETH_IPV4, v4.IPV4_OPTIONS_UDP), expected: { ...A_B, ...UDP_PING } },
  {
    name: 'IPv4 first fragment',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(link.ETH_IPV4, v4.IPV4_FRAGMENT_FIRST),
    expected: { ...A_B, proto: 'UDP', sport: 54321, dport: 7, len: 24, fragment: { id: 0x4242, offset: 0, more: true } },
  },
  {
    name: 'IPv4 later fragment',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(link.ETH_IPV4, v4.IPV4_FRAGMENT_LAST),
    expected: { ...A_B, proto: 'IPv4', len: 16, fragment: { id: 0x4242, offset: 16, more: false } },
  },
  {
    name: 'ICMP port unreachable quoting UDP',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(link.ETH_IPV4, v4.IPV4_ICMP_PORT_UNREACHABLE),
    expected: {
      ...B_A,
      proto: 'ICMP',
      len: 32,
      icmp: { type: 3, code: 3, inner: { src: '10.0.0.1', dst: '10.0.0.2', proto: 'UDP', sport: 54321, dport: 7 } },
    },
  },
  { name: 'ICMP echo request', linkType: LINKTYPE.ETHERNET, frame: fields(link.ETH_IPV4, v4.IPV4_ICMP_ECHO), expected: { ...A_B, proto: 'ICMP', len: 8, icmp: { type: 8, code: 0 } } },
  { name: 'ARP', linkType: LINKTYPE.ETHERNET, frame: fields(link.ETH_ARP, v4.ARP_REQUEST), expected: { proto: 'ARP', len: 28 } },
  { name: 'other ethertype', linkType: LINKTYPE.ETHERNET, frame: fields(link.ETH_LLDP, '02 07 04 00 00 00 00 00 01'), expected: { proto: 'Ethernet', len: 9 } },
  { name: 'Ethernet IPv6 TCP SYN,ACK', linkType: LINKTYPE.ETHERNET, frame: fields(link.ETH_IPV6, v6.IPV6_TCP_SYN_ACK), expected: SYN_ACK_V6 },
  {
    name: 'IPv6 hop-by-hop + fragment + UDP',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(link.ETH_IPV6, v6.IPV6_HBH_FRAGMENT_UDP),
    expected: { ...V6_1_2, ...UDP_PING, fragment: { id: 0xabcd, offset: 0, more: true } },
  },
  {
    name: 'IPv6 later fragment',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(link.ETH_IPV6, v6.IPV6_FRAGMENT_LATER),
    expected: { ...V6_1_2, proto: 'IPv6', len: 8, fragment: { id: 0xabcd, offset: 16, more: false } },
  },
  {
    name: 'ICMPv6 port unreachable quoting UDP',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(link.ETH_IPV6, v6.IPV6_ICMPV6_PORT_UNREACHABLE),
    expected: {
      ipVersion: 6,
      src: '2001:db8::2',
      dst: '2001:db8::1',
      proto: 'ICMPv6',
      len: 52,
      icmp: { type: 1, code: 4, inner: { src: '2001:db8::1', dst: '2001:db8::2', proto: 'UDP', sport: 54321, dport: 7 } },
    },
  },
  { name: 'ICMPv6 echo request', linkType: LINKTYPE.ETHERNET, frame: fields(link.ETH_IPV6, v6.IPV6_ICMPV6_ECHO), expected: { ...V6_1_2, proto: 'ICMPv6', len: 8, icmp: { type: 128, code: 0 } } },
  { name: 'Linux SLL IPv4 TCP', linkType: LINKTYPE.LINUX_SLL, frame: fields(link.SLL_IPV4, v4.IPV4_TCP_SYN), expected: SYN },
  { name: 'Linux SLL2 IPv6 TCP', linkType: LINKTYPE.LINUX_SLL2, frame: fields(link.SLL2_IPV6, v6.IPV6_TCP_SYN_ACK), expected: SYN_ACK_V6 },
  { name: 'NULL little-endian IPv4', linkType: LINKTYPE.NULL, frame: fields(link.NULL_LE_IPV4, v4.IPV4_TCP_SYN), expected: SYN },
  { name: 'NULL big-endian IPv4', linkType: LINKTYPE.NULL, frame: fields(link.NULL_BE_IPV4, v4.IPV4_UDP), expected: { ...A_B, ...UDP_PING } },
  { name: 'NULL macOS IPv6', linkType: LINKTYPE.NULL, frame: fields(link.NULL_LE_IPV6_MACOS, v6.IPV6_TCP_SYN_ACK), expected: SYN_ACK_V6 },
  { name: 'LOOP IPv4', linkType: LINKTYPE.LOOP, frame: fields(link.LOOP_IPV4, v4.IPV4_UDP), expected: { ...A_B, ...UDP_PING } },
  { name: 'LOOP OpenBSD IPv6', linkType: LINKTYPE.LOOP, frame: fields(link.LOOP_IPV6_OPENBSD, v6.IPV6_UDP_LOOPBACK), expected: { ipVersion: 6, src: '::1', dst: '::1', ...UDP_PING } },
  { name: 'RAW IPv4', linkType: LINKTYPE.RAW, frame: v4.IPV4_TCP_SYN, expected: SYN },
  { name: 'RAW IPv6', linkType: LINKTYPE.RAW, frame: v6.IPV6_UDP_LOOPBACK, expected: { ipVersion: 6, src: '::1', dst: '::1', ...UDP_PING } },
  { name: 'RAW as 12', linkType: LINKTYPE.RAW_12, frame: v4.IPV4_UDP, expected: { ...A_B, ...UDP_PING } },
  { name: 'RAW as 14', linkType: LINKTYPE.RAW_14, frame: v6.IPV6_TCP_SYN_ACK, expected: SYN_ACK_V6 },
  { name: 'IPV4 link type', linkType: LINKTYPE.IPV4, frame: v4.IPV4_ICMP_PORT_UNREACHABLE, expected: { ...B_A, proto: 'ICMP', len: 32 } },
  { name: 'IPV6 link type', linkType: LINKTYPE.IPV6, frame: v6.IPV6_ICMPV6_ECHO, expected: { ...V6_1_2, proto: 'ICMPv6', len: 8 } },
];
