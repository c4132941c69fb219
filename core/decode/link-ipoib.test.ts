import { describe, it } from 'vitest';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields } from './testdata/hex.ts';
import { type LinkCase, SHORT, UDP_4 } from './testdata/link-case.ts';
import { IPV4_UDP } from './testdata/ipv4-packets.ts';

/** Linux's 40-byte address pseudo-header of tcpdump's ipoib.pcap, frame 10. */
const ADDRESSES = fields(
  '00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 30 49 00 05', // first hardware address
  '80 00 05 50', // destination QPN 0x000550
  'fe 80 00 00 00 00 00 00 00 10 e0 00 66 4a b4 51', // destination GID fe80::10:e000:664a:b451
);

const cases: LinkCase[] = [
  {
    name: 'IPoIB, IPv4, TCP ACK (ipoib.pcap #10)',
    linkType: LINKTYPE.IPOIB,
    input: fields(
      ADDRESSES,
      '08 00 00 00', // type IPv4, reserved
      '45 00 00 34 00 45 40 00 40 06 49 0c', // IPv4, total length 52, TCP
      'c0 a8 38 0a c0 a8 38 18', // 192.168.56.10 → 192.168.56.24
      '85 7a 00 16 2f 94 10 f7 b5 db 51 7b 80 10 81 d0 d4 51 00 00', // 34170 → 22, ACK, win 33232
      '01 01 08 0a 03 b5 21 61 00 01 3c 9e', // NOP, NOP, timestamps
    ),
    expected: {
      proto: 'TCP',
      src: '192.168.56.10',
      dst: '192.168.56.24',
      sport: 34170,
      dport: 22,
      len: 0,
    },
  },
  {
    name: 'IPoIB, IPv4, UDP',
    linkType: LINKTYPE.IPOIB,
    input: fields(ADDRESSES, '08 00 00 00', IPV4_UDP),
    expected: UDP_4,
  },
  {
    name: 'IPoIB, ARP',
    linkType: LINKTYPE.IPOIB,
    input: fields(ADDRESSES, '08 06 00 00', '00 20 08 00 14 04 00 01'),
    expected: { proto: 'ARP' },
  },
  {
    name: 'IPoIB cut inside its reserved field',
    linkType: LINKTYPE.IPOIB,
    input: fields(ADDRESSES, '08 00 00'),
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
];

describe('IP over InfiniBand', () => {
  it.each(cases)('$name', ({ linkType, input, expected }) => {
    expectDecodes(linkType, input, expected);
  });
});
