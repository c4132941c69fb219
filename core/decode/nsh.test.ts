import { describe, it } from 'vitest';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields } from './testdata/hex.ts';
import { IPV4_UDP } from './testdata/ipv4-packets.ts';
import { ETH_IPV4 } from './testdata/link-headers.ts';
import { type LinkCase, SHORT, UDP_4 } from './testdata/link-case.ts';

const MACS = '52 54 00 4b 73 5f 02 42 0a 00 08 03';
/** NSH MD type 1 of 24 bytes: service path 3, index 9, four context headers. */
const nsh = (next: string): string =>
  fields(
    `00 06 01 ${next}`, // version 0, TTL 0, length 6 words, MD type 1, next protocol
    '00 03 09 07', // service path id, service index
    '00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04', // context headers
  );

const cases: LinkCase[] = [
  {
    name: 'NSH over Ethernet, IPv4, UDP (nsh.pcap #1)',
    linkType: LINKTYPE.ETHERNET,
    input: fields(
      MACS,
      '89 4f', // ethertype NSH
      nsh('01'), // next protocol IPv4
      '45 00 00 22 28 44 40 00 40 11 e9 6a', // IPv4, total length 34, UDP
      '0a 00 08 03 0a 0d 0d 0d', // 10.0.8.3 → 10.13.13.13
      'cc 05 1f 40 00 0e 00 00', // UDP 52229 → 8000, length 14
      '62 65 67 69 6e 0a', // "begin\n"
    ),
    expected: {
      proto: 'UDP',
      src: '10.0.8.3',
      dst: '10.13.13.13',
      sport: 52229,
      dport: 8000,
      len: 6,
    },
  },
  {
    name: 'NSH carrying an Ethernet frame',
    linkType: LINKTYPE.ETHERNET,
    input: fields(MACS, '89 4f', nsh('03'), ETH_IPV4, IPV4_UDP),
    expected: UDP_4,
  },
  {
    name: 'NSH of an experimental next protocol stops there',
    linkType: LINKTYPE.ETHERNET,
    input: fields(MACS, '89 4f', nsh('fe'), IPV4_UDP),
    expected: { proto: 'Ethernet' },
  },
  {
    name: 'NSH length below its 8 fixed bytes',
    linkType: LINKTYPE.ETHERNET,
    input: fields(MACS, '89 4f', '00 01 01 01', IPV4_UDP),
    expected: { proto: 'Ethernet', malformed: 'NSH length 4 < 8' },
  },
  {
    name: 'NSH longer than the frame',
    linkType: LINKTYPE.ETHERNET,
    input: fields(MACS, '89 4f', '00 3f 01 01 00 03 09 07'),
    expected: { proto: 'Ethernet', truncated: true, malformed: SHORT },
  },
  {
    name: 'NSH cut inside its base header',
    linkType: LINKTYPE.ETHERNET,
    input: fields(MACS, '89 4f', '00 06'),
    expected: { proto: 'Ethernet', truncated: true, malformed: SHORT },
  },
];

describe('NSH', () => {
  it.each(cases)('$name', ({ linkType, input, expected }) => {
    expectDecodes(linkType, input, expected);
  });
});
