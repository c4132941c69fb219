import { describe, it } from 'vitest';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields } from './testdata/hex.ts';
import { IPV4_UDP } from './testdata/ipv4-packets.ts';
import { type LinkCase, SHORT, UDP_4 } from './testdata/link-case.ts';

/** The TLVs before the payload in tcpdump's nflog.pcap, frame 1 (lengths and types little-endian). */
const TLVS = fields(
  '08 00 01 00 08 00 01 27', // NFULA_PACKET_HDR: hw protocol IPv4, hook local in
  '05 00 0a 00 00 00 00 00', // NFULA_PREFIX "", padded to 8
  '08 00 04 00 00 00 00 02', // NFULA_IFINDEX_INDEV 2
  '10 00 08 00 00 06 ff ff b8 a3 86 b9 c3 d6 00 00', // NFULA_HWADDR
  '06 00 0f 00 00 01 00 00', // NFULA_HWTYPE 1, padded
  '06 00 11 00 00 0e 00 00', // NFULA_HWLEN 14, padded
  '12 00 10 00 08 11 96 1c 10 c8 b8 a3 86 b9 c3 d6 08 00 00 00', // NFULA_HWHEADER, padded
  '14 00 03 00 00 00 00 00 52 2a 1f 9e 00 00 00 00 00 09 60 fc', // NFULA_TIMESTAMP
);

const cases: LinkCase[] = [
  {
    name: 'NFLOG, IPv4, DNS answer (nflog.pcap #1)',
    linkType: LINKTYPE.NFLOG,
    input: fields(
      '02 00 00 14', // family IPv4, version 0, resource id 20
      TLVS,
      '4d 00 09 00', // NFULA_PAYLOAD, length 77
      '45 00 00 49 00 00 40 00 37 11 c5 14', // IPv4, total length 73, UDP
      '4a 52 2a 2a 0a 00 00 14', // 74.82.42.42 → 10.0.0.20
      '00 35 a6 59 00 35 6d df', // UDP 53 → 42585, length 53
      '43 71 81 80 00 01 00 01 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00',
      '01 c0 0c 00 01 00 01 00 00 2f 96 00 04 5d b8 d8 77',
      '00 00 00', // padding to 4 bytes
    ),
    expected: {
      proto: 'UDP',
      src: '74.82.42.42',
      dst: '10.0.0.20',
      sport: 53,
      dport: 42585,
      len: 45,
    },
  },
  {
    name: 'NFLOG, payload TLV first',
    linkType: LINKTYPE.NFLOG,
    input: fields('02 00 00 01', '20 00 09 00', IPV4_UDP), // NFULA_PAYLOAD, length 32
    expected: UDP_4,
  },
  {
    name: 'NFLOG of another family stops at the link',
    linkType: LINKTYPE.NFLOG,
    input: fields('07 00 00 01', '20 00 09 00', IPV4_UDP), // AF_BRIDGE
    expected: { proto: 'Unknown' },
  },
  {
    name: 'NFLOG without a payload TLV',
    linkType: LINKTYPE.NFLOG,
    input: fields('02 00 00 01', '08 00 04 00 00 00 00 02'),
    expected: { proto: 'Unknown' },
  },
  {
    name: 'NFLOG TLV shorter than its own header',
    linkType: LINKTYPE.NFLOG,
    input: fields('02 00 00 01', '02 00 04 00 00 00 00 02'),
    expected: { proto: 'Unknown', malformed: 'NFLOG TLV length 2' },
  },
  {
    name: 'NFLOG cut inside its header',
    linkType: LINKTYPE.NFLOG,
    input: '02 00 00',
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
];

describe('NFLOG', () => {
  it.each(cases)('$name', ({ linkType, input, expected }) => {
    expectDecodes(linkType, input, expected);
  });
});
