import { describe, it } from 'vitest';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields } from './testdata/hex.ts';
import { IPV4_UDP } from './testdata/ipv4-packets.ts';
import { ETH_IPV4 } from './testdata/link-headers.ts';
import { type LinkCase, SHORT, UDP_4 } from './testdata/link-case.ts';

/** tcpdump's bgp-aigp.pcap, frame 1: a BGP update over TCP, after Juniper's header. */
const BGP_FRAME = fields(
  '4d 47 43 80', // magic "MGC", flags: extensions, outgoing, link header present
  '00 10', // extensions: 16 bytes
  '03 01 01 06 01 0e 01 02 8c 00 04 04 4c 01 00 00', // media type, encapsulation, ifd 140, ifl 332
  '00 50 56 8b 5e 9f 00 50 56 8b 6d de 08 00', // Ethernet, IPv4
  '45 c0 00 b6 88 f7 00 00 40 06 70 62', // IPv4, total length 182, TCP
  'ac 10 14 05 ac 10 14 03', // 172.16.20.5 → 172.16.20.3
  'e8 ef 00 b3 e9 e0 2e 03 c7 2f 6b 7d', // TCP 59631 → 179, Seq, Ack
  '80 18 40 00 e1 12 00 00', // header 32 bytes, PSH,ACK, window 16384
  '01 01 08 0a 01 f3 7b 46 01 f2 e5 77', // NOP, NOP, timestamps
  'ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff 00 64 02', // BGP UPDATE, 100 bytes
  '00 00 00 4d 40 01 01 02 40 02 00 80 04 04 00 00 00 00 40 05 04 00 00 00 64 c0 08 04 fd e8 2b c1',
  '80 09 04 ac 10 15 04 80 0a 04 ac 10 14 05 80 1a 0b 01 00 0b 00 00 00 00 00 00 07 d0 90 0e 00 11',
  '00 01 04 04 ac 10 14 05 00 38 49 44 01 ac 10 15 04',
  'ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff 00 1e 02 00 00 00 07 90 0f 00 03 00 01 04', // End-of-RIB
);

const cases: LinkCase[] = [
  {
    name: 'Juniper Ethernet with extensions, BGP over TCP (bgp-aigp.pcap #1)',
    linkType: LINKTYPE.JUNIPER_ETHER,
    input: BGP_FRAME,
    expected: {
      proto: 'TCP',
      src: '172.16.20.5',
      dst: '172.16.20.3',
      sport: 59631,
      dport: 179,
      len: 130,
    },
  },
  {
    name: 'Juniper Ethernet without extensions',
    linkType: LINKTYPE.JUNIPER_ETHER,
    input: fields('4d 47 43 00', ETH_IPV4, IPV4_UDP),
    expected: UDP_4,
  },
  {
    name: 'no link header: the JUNOS protocol number says IPv4',
    linkType: LINKTYPE.JUNIPER_ETHER,
    input: fields('4d 47 43 02', '02 00 00 00', IPV4_UDP),
    expected: UDP_4,
  },
  {
    name: 'no link header, protocol number unknown',
    linkType: LINKTYPE.JUNIPER_ETHER,
    input: fields('4d 47 43 02', 'cc 00 00 00', IPV4_UDP),
    expected: { proto: 'Unknown' },
  },
  {
    name: 'no magic (old JUNOS): Ethernet from the first byte, as tshark reads it',
    linkType: LINKTYPE.JUNIPER_ETHER,
    input: fields(ETH_IPV4, IPV4_UDP),
    expected: UDP_4,
  },
  {
    name: 'extensions longer than the frame',
    linkType: LINKTYPE.JUNIPER_ETHER,
    input: fields('4d 47 43 80', '00 40', '03 01 01'),
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
  {
    name: 'cut inside the header',
    linkType: LINKTYPE.JUNIPER_ETHER,
    input: '4d 47 43',
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
];

describe('Juniper Ethernet', () => {
  it.each(cases)('$name', ({ linkType, input, expected }) => {
    expectDecodes(linkType, input, expected);
  });
});
