import { describe, it } from 'vitest';
import type { DecodedPacket } from './decoded-packet.ts';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields } from './testdata/hex.ts';
import { type LinkCase, SHORT, UDP_4 } from './testdata/link-case.ts';
import { IPV4_UDP } from './testdata/ipv4-packets.ts';

/** MPLS-encapsulated UDP from tcpdump's mpls-traceroute.pcap, first frame (after the PPP header). */
const MPLS_UDP = fields(
  '18 96 01 01', // label 100704, traffic class 0, bottom of stack, TTL 1
  '45 00 00 28 a5 4c 00 00 01 11 f7 6f', // IPv4, total length 40, TTL 1, UDP
  '0c 04 04 04 0c 01 01 01', // 12.4.4.4 → 12.1.1.1
  'a5 4b 82 9b 00 14 00 00', // UDP 42315 → 33435, length 20
  '00 00 00 00 00 00 00 00 00 00 00 00', // 12 bytes of data
);
const UDP_FROM_MPLS: Partial<DecodedPacket> = {
  proto: 'UDP',
  src: '12.4.4.4',
  dst: '12.1.1.1',
  sport: 42315,
  dport: 33435,
  len: 12,
};

const cases: LinkCase[] = [
  {
    name: 'PPP with address and control, MPLS, IPv4 (mpls-traceroute.pcap)',
    linkType: LINKTYPE.PPP,
    input: fields('ff 03', '02 81', MPLS_UDP), // all stations, UI, protocol MPLS unicast
    expected: UDP_FROM_MPLS,
  },
  {
    name: 'PPP with address and control, IPv4',
    linkType: LINKTYPE.PPP,
    input: fields('ff 03', '00 21', IPV4_UDP), // protocol IPv4
    expected: UDP_4,
  },
  {
    name: 'PPP in HDLC framing, compressed address, control and protocol',
    linkType: LINKTYPE.PPP_HDLC,
    input: fields('21', IPV4_UDP), // protocol IPv4 in one byte
    expected: UDP_4,
  },
  {
    name: 'PPP carrying LCP stops at the link',
    linkType: LINKTYPE.PPP,
    input: fields('ff 03', 'c0 21', '01 01 00 04'), // LCP configure-request
    expected: { proto: 'Unknown', len: 4 },
  },
  {
    name: 'PPP with a Cisco HDLC address is Cisco HDLC',
    linkType: LINKTYPE.PPP,
    input: fields('0f 00', '08 00', IPV4_UDP), // unicast, control 0, ethertype IPv4
    expected: UDP_4,
  },
  {
    name: 'PPP cut inside its protocol field',
    linkType: LINKTYPE.PPP,
    input: 'ff 03 00',
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
  {
    name: 'Cisco HDLC, IPv4',
    linkType: LINKTYPE.C_HDLC,
    input: fields('8f 00', '08 00', IPV4_UDP), // multicast, control 0, ethertype IPv4
    expected: UDP_4,
  },
  {
    name: 'PPPoE session link type, IPv4',
    linkType: LINKTYPE.PPP_ETHER,
    input: fields('11 00 00 01 00 22', '00 21', IPV4_UDP), // v1 type 1, session 1, length 34
    expected: UDP_4,
  },
  {
    name: 'Ethernet, PPPoE session, IPv4',
    linkType: LINKTYPE.ETHERNET,
    input: fields('02 00 00 00 00 02 02 00 00 00 00 01 88 64', '11 00 00 01 00 22 00 21', IPV4_UDP),
    expected: UDP_4,
  },
  {
    name: 'Ethernet, two MPLS labels, IPv4',
    linkType: LINKTYPE.ETHERNET,
    input: fields(
      '02 00 00 00 00 02 02 00 00 00 00 01 88 47', // MACs, ethertype MPLS unicast
      '00 01 00 40', // label 16, not bottom of stack
      '00 02 01 40', // label 32, bottom of stack
      IPV4_UDP,
    ),
    expected: UDP_4,
  },
  {
    name: 'MPLS stack that never ends',
    linkType: LINKTYPE.ETHERNET,
    input: fields('02 00 00 00 00 02 02 00 00 00 00 01 88 47', '00 01 00 40'.repeat(17)),
    expected: { proto: 'Ethernet', malformed: 'more than 16 MPLS labels' },
  },
  {
    name: 'MPLS cut inside its label stack',
    linkType: LINKTYPE.ETHERNET,
    input: fields('02 00 00 00 00 02 02 00 00 00 00 01 88 47', '00 01 00'),
    expected: { proto: 'Ethernet', truncated: true, malformed: SHORT },
  },
  {
    name: 'MPLS carrying neither IPv4 nor IPv6',
    linkType: LINKTYPE.ETHERNET,
    input: fields('02 00 00 00 00 02 02 00 00 00 00 01 88 47', '00 01 01 40', '00 00 00 00'),
    expected: { proto: 'Ethernet' },
  },
];

describe('PPP, Cisco HDLC, PPPoE and MPLS', () => {
  it.each(cases)('$name', ({ linkType, input, expected }) => {
    expectDecodes(linkType, input, expected);
  });
});
