import { describe, it } from 'vitest';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields, zeros } from './testdata/hex.ts';
import { IPV4_UDP } from './testdata/ipv4-packets.ts';
import { ETH_IPV4 } from './testdata/link-headers.ts';
import { type LinkCase, SHORT, UDP_4 } from './testdata/link-case.ts';

/** The 108-byte PKTAP header of tcpdump's LINKTYPE_PKTAP.pcap, frame 1 (little-endian fields). */
const HEADER = fields(
  '6c 00 00 00', // header length 108
  '01 00 00 00', // record type: packet
  '01 00 00 00', // link type: Ethernet
  '65 6e 30 00', // interface "en0", 24 bytes
  zeros(20),
  '02 00 00 00 02 00 00 00 0e 00 00 00', // flags, protocol family, link header length 14
  zeros(4),
  '00 02 00 00', // pid 512
  zeros(28),
  'ff ff ff ff', // effective pid -1
  zeros(20),
);

/** The DNS query that follows it. */
const DNS_QUERY = fields(
  '00 1e 49 1f f2 c4 70 73 cb 0b 26 2a 08 00', // Ethernet, IPv4
  '45 00 00 3c 2e 03 00 00 ff 11 11 44', // IPv4, total length 60, UDP
  '0a 20 04 1b 0a 20 64 0f', // 10.32.4.27 → 10.32.100.15
  'f8 32 00 35 00 28 48 14', // UDP 63538 → 53, length 40
  '43 01 01 00 00 01 00 00 00 00 00 00 02 69 6e 01 6d 05 79 61 68 6f 6f 03 63 6f 6d 00 00 01 00 01',
);
const DNS = {
  proto: 'UDP',
  src: '10.32.4.27',
  dst: '10.32.100.15',
  sport: 63538,
  dport: 53,
  len: 32,
};

const cases: LinkCase[] = [
  {
    name: 'PKTAP, Ethernet, DNS query (LINKTYPE_PKTAP.pcap #1)',
    linkType: LINKTYPE.PKTAP,
    input: fields(HEADER, DNS_QUERY),
    expected: DNS,
  },
  {
    name: 'PKTAP as macOS writes it, DLT_USER2 (LINKTYPE_USER2_PKTAP.pcap #1)',
    linkType: LINKTYPE.USER2,
    input: fields(HEADER, DNS_QUERY),
    expected: DNS,
  },
  {
    name: 'PKTAP whose next link type is raw IP',
    linkType: LINKTYPE.PKTAP,
    input: fields('6c 00 00 00', '01 00 00 00', '0c 00 00 00', zeros(96), IPV4_UDP),
    expected: UDP_4,
  },
  {
    name: 'PKTAP inside PKTAP stops at the link',
    linkType: LINKTYPE.PKTAP,
    input: fields(
      '6c 00 00 00',
      '01 00 00 00',
      '02 01 00 00',
      zeros(96),
      HEADER,
      ETH_IPV4,
      IPV4_UDP,
    ),
    expected: { proto: 'Unknown' },
  },
  {
    name: 'a PKTAP record that is not a packet stops at the link',
    linkType: LINKTYPE.PKTAP,
    input: fields('6c 00 00 00', '02 00 00 00', '01 00 00 00', zeros(96), ETH_IPV4, IPV4_UDP),
    expected: { proto: 'Unknown' },
  },
  {
    name: 'PKTAP header length below 108',
    linkType: LINKTYPE.PKTAP,
    input: fields('08 00 00 00', '01 00 00 00', '01 00 00 00', ETH_IPV4, IPV4_UDP),
    expected: { proto: 'Unknown', malformed: 'PKTAP header length 8 < 108' },
  },
  {
    name: 'PKTAP header longer than the frame',
    linkType: LINKTYPE.PKTAP,
    input: fields('6c 00 00 00', '01 00 00 00', '01 00 00 00', zeros(40)),
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
  {
    name: 'PKTAP cut inside its first fields',
    linkType: LINKTYPE.PKTAP,
    input: '6c 00 00 00 01 00 00 00 01',
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
];

describe('PKTAP', () => {
  it.each(cases)('$name', ({ linkType, input, expected }) => {
    expectDecodes(linkType, input, expected);
  });
});
