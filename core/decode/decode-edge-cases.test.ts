import { describe, it } from 'vitest';
import type { DecodedPacket } from './decoded-packet.ts';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields } from './testdata/hex.ts';
import { IPV4_UDP } from './testdata/ipv4-packets.ts';

const V4 = fields(
  '0a 00 00 01', // source 10.0.0.1
  '0a 00 00 02', // destination 10.0.0.2
);
const V6 = fields(
  '20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01', // source 2001:db8::1
  '20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 02', // destination 2001:db8::2
);
const UDP_12 = fields('d4 31 00 07', '00 0c 00 00', '70 69 6e 67'); // 54321 → 7, length 12, "ping"

interface Case {
  name: string;
  linkType?: number;
  input: string;
  expected: Partial<DecodedPacket>;
}

const cases: Case[] = [
  {
    name: 'IPv4 IHL below 5',
    input: fields('44 00 00 20', '00 00 00 00', '40 11 00 00', V4, UDP_12),
    expected: { proto: 'IPv4', malformed: 'IPv4 header length 16 < 20' },
  },
  {
    name: 'IPv4 total length below the header',
    input: fields('45 00 00 10', '00 00 00 00', '40 11 00 00', V4, UDP_12),
    expected: {
      proto: 'IPv4',
      src: '10.0.0.1',
      malformed: 'IPv4 total length 16 < header length 20',
    },
  },
  {
    name: 'IPv4 total length 0 (segmentation offload) uses what was captured',
    input: fields('45 00 00 00', '00 00 40 00', '40 11 00 00', V4, UDP_12),
    expected: { proto: 'UDP', len: 4 },
  },
  {
    name: 'IPv6 packet on the IPv4 link type',
    linkType: LINKTYPE.IPV4,
    input: fields('60 00 00 00 00 0c 11 40', V6, UDP_12),
    expected: { proto: 'IPv4', malformed: 'IPv4 header with version 6' },
  },
  {
    name: 'raw IP version 5',
    input: '50 00 00 14',
    expected: { proto: 'Unknown', len: 4, malformed: 'raw IP packet with version 5' },
  },
  {
    name: 'unknown IP protocol (GRE) stops at IPv4',
    input: fields(
      '45 00 00 20',
      '00 00 40 00',
      '40 2f 00 00',
      V4,
      '00 00 08 00 00 00 00 00 00 00 00 00',
    ),
    expected: { proto: 'IPv4', len: 12 },
  },
  {
    name: 'TCP data offset below 5',
    input: fields(
      '45 00 00 28',
      '00 00 40 00',
      '40 06 00 00',
      V4,
      'c3 50 1f 90 00 00 00 01 00 00 00 00',
      '40 02 04 00 00 00 00 00',
    ),
    expected: { proto: 'TCP', sport: 50000, len: 0, malformed: 'TCP data offset 4 < 5' },
  },
  {
    name: 'TCP header longer than the segment',
    input: fields(
      '45 00 00 28',
      '00 00 40 00',
      '40 06 00 00',
      V4,
      'c3 50 1f 90 00 00 00 01 00 00 00 00',
      'f0 02 04 00 00 00 00 00',
    ),
    expected: { proto: 'TCP', len: 0, malformed: 'TCP header length 60 > segment length 20' },
  },
  {
    name: 'IP payload too short for a TCP header',
    input: fields(
      '45 00 00 20',
      '00 00 40 00',
      '40 06 00 00',
      V4,
      'c3 50 1f 90 00 00 00 01 00 00 00 00',
    ),
    expected: {
      proto: 'IPv4',
      sport: 50000,
      dport: 8080,
      len: 12,
      malformed: 'TCP segment length 12 < 20',
    },
  },
  {
    name: 'UDP length below 8: IP payload wins',
    input: fields(
      '45 00 00 20',
      '00 00 40 00',
      '40 11 00 00',
      V4,
      'd4 31 00 07 00 04 00 00 70 69 6e 67',
    ),
    expected: { proto: 'UDP', len: 4, malformed: 'UDP length 4 < 8' },
  },
  {
    name: 'UDP length beyond the IP payload: the field gives len, as in tshark, and is malformed',
    input: fields(
      '45 00 00 20',
      '00 00 40 00',
      '40 11 00 00',
      V4,
      'd4 31 00 07 00 64 00 00 70 69 6e 67',
    ),
    expected: {
      proto: 'UDP',
      len: 92,
      payloadHex: '70696e67',
      malformed: 'UDP length 100 > IP payload 12',
    },
  },
  {
    name: 'UDP length beyond the IP payload in a fuzzed frame (cve-2014-8767-OLSR.pcap #1)',
    linkType: LINKTYPE.ETHERNET,
    input: fields(
      '00 1b c6 51 35 97 00 24 8c 7a ff 6f 08 00', // MACs, ethertype IPv4
      '45 15 00 3d f3 7f 40 00 4d 11 30 c6', // IPv4, total length 61, UDP
      '0a 01 01 68 0a 02 02 02', // 10.1.1.104 → 10.2.2.2
      '02 ba 02 ba 02 02 02 02', // UDP 698 → 698, length 514
      '02 02 02 02 02 20 00 02 02 02 02 02 02 02 02 02 02 02 02 02 02 02', // 33 bytes of data
      '02 02 02 02 02 02 20 01 00 00 00',
    ),
    expected: {
      proto: 'UDP',
      src: '10.1.1.104',
      dst: '10.2.2.2',
      sport: 698,
      dport: 698,
      len: 506, // tshark: udp.length 514, "Bad length value 514 > IP payload length"
      malformed: 'UDP length 514 > IP payload 41',
    },
  },
  {
    name: 'UDP length shorter than the IP payload: the rest is trailer',
    input: fields(
      '45 00 00 20',
      '00 00 40 00',
      '40 11 00 00',
      V4,
      'd4 31 00 07 00 0a 00 00 70 69 6e 67',
    ),
    expected: { proto: 'UDP', len: 2, payloadHex: '7069' },
  },
  {
    name: 'IPv6 extension header past the payload',
    input: fields('60 00 00 00 00 08 00 40', V6, '11 05 01 04 00 00 00 00'),
    expected: { proto: 'IPv6', malformed: 'IPv6 extension header 0 past the payload' },
  },
  {
    name: 'IPv6 ESP: nothing after it is readable',
    input: fields('60 00 00 00 00 0c 32 40', V6, '00 00 10 00 00 00 00 01 aa bb cc dd'),
    expected: { proto: 'IPv6', len: 12 },
  },
  {
    name: 'IPv6 destination options then AH then UDP',
    input: fields(
      '60 00 00 00 00 2c 3c 40', // payload 44, next header destination options
      V6,
      '33 00 01 04 00 00 00 00', // destination options: next AH, 8 bytes, PadN
      '11 04 00 00', // AH: next UDP, length 4 → (4 + 2) × 4 = 24 bytes
      '00 00 00 01 00 00 00 01', // SPI, sequence
      '00 00 00 00 00 00 00 00 00 00 00 00', // ICV
      UDP_12,
    ),
    expected: { proto: 'UDP', sport: 54321, len: 4 },
  },
  {
    name: 'IPv6 payload length 0 (segmentation offload) uses what was captured',
    input: fields('60 00 00 00 00 00 11 40', V6, UDP_12),
    expected: { proto: 'UDP', len: 4 },
  },
  {
    name: 'IPv6 no next header, Ethernet padding after it',
    input: fields('60 00 00 00 00 00 3b 40', V6, '00 00 00 00 00 00'),
    expected: { proto: 'IPv6', len: 0 },
  },
  {
    name: 'ICMP time exceeded quoting TCP',
    input: fields(
      '45 00 00 38 00 00 00 00 40 01 00 00', // total 56, ICMP
      '0a 00 00 fe 0a 00 00 01', // from a router 10.0.0.254 to 10.0.0.1
      '0b 00 00 00 00 00 00 00', // type 11 time exceeded, code 0
      '45 00 00 3c 12 34 40 00 01 06 00 00',
      V4, // quoted IPv4, TTL 1, TCP
      'c3 50 1f 90 11 22 33 44', // first 8 TCP bytes: ports, sequence
    ),
    expected: {
      proto: 'ICMP',
      len: 28,
      icmp: {
        type: 11,
        code: 0,
        inner: { src: '10.0.0.1', dst: '10.0.0.2', proto: 'TCP', sport: 50000, dport: 8080 },
      },
    },
  },
  {
    name: 'ICMP error with too short a quote: no inner flow',
    input: fields(
      '45 00 00 26 00 00 00 00 40 01 00 00',
      V4,
      '03 01 00 00 00 00 00 00',
      '45 00 00 3c 12 34 40 00 01 06',
    ),
    expected: { proto: 'ICMP', len: 10, icmp: { type: 3, code: 1 } },
  },
  {
    name: 'Ethernet with nine VLAN tags',
    linkType: LINKTYPE.ETHERNET,
    input: fields(
      '02 00 00 00 00 02 02 00 00 00 00 01',
      '81 00 00 01 '.repeat(9),
      '08 00',
      IPV4_UDP,
    ),
    expected: { proto: 'Ethernet', malformed: 'more than 8 VLAN tags' },
  },
  {
    name: '802.3 length field instead of an ethertype',
    linkType: LINKTYPE.ETHERNET,
    input: fields('02 00 00 00 00 02 02 00 00 00 00 01', '00 03', 'aa aa 03'),
    expected: { proto: 'Ethernet', len: 3 },
  },
  {
    name: 'SLL carrying netlink',
    linkType: LINKTYPE.LINUX_SLL,
    input: fields('00 04 03 38 00 00 00 00 00 00 00 00 00 00', '08 00', IPV4_UDP),
    expected: { proto: 'Unknown', len: 32 },
  },
  {
    name: 'NULL with an unknown family',
    linkType: LINKTYPE.NULL,
    input: fields('07 00 00 00', IPV4_UDP),
    expected: { proto: 'Unknown', len: 32 },
  },
  {
    name: 'LOOP with AF_INET6 of FreeBSD',
    linkType: LINKTYPE.LOOP,
    input: fields('00 00 00 1c', '60 00 00 00 00 0c 11 40', V6, UDP_12),
    expected: { proto: 'UDP', ipVersion: 6, len: 4 },
  },
  {
    name: 'short Ethernet header',
    linkType: LINKTYPE.ETHERNET,
    input: '02 00 00',
    expected: {
      proto: 'Ethernet',
      truncated: true,
      malformed: 'frame shorter than its headers declare',
    },
  },
];

describe('decodePacket edge cases', () => {
  it.each(cases)('$name', ({ linkType, input, expected }) => {
    expectDecodes(linkType ?? LINKTYPE.RAW, input, expected);
  });

  // kday4.pcap #10: IPv4 says 820 bytes, the frame had 52 of them on the wire. tshark cuts the
  // length to the frame ("IPv4 total length exceeds packet length (52 bytes)"), decodes an empty
  // TCP segment and goes on (a duplicate ACK there).
  const OVERLONG_TCP = fields(
    '45 00 03 34', // total length 820
    '00 00 40 00',
    '40 06 00 00',
    V4,
    'c3 50 1f 90 00 00 00 01 00 00 00 01', // 50000 → 8080
    '50 10 04 00 00 00 00 00', // data offset 5, ACK
  );

  it('cuts an IPv4 total length past the bytes on the wire to them, and still decodes TCP', () => {
    expectDecodes(LINKTYPE.RAW, OVERLONG_TCP, {
      proto: 'TCP',
      sport: 50000,
      dport: 8080,
      len: 0,
      malformed: 'IPv4 total length 820 exceeds the 40 bytes on the wire',
    });
  });

  it('keeps the declared IPv4 length when the snap length cut the frame', () => {
    expectDecodes(
      LINKTYPE.RAW,
      OVERLONG_TCP,
      { proto: 'TCP', sport: 50000, len: 780, truncated: true },
      820,
    );
    // Cut by the snap length, and longer than the frame on the wire too.
    expectDecodes(
      LINKTYPE.RAW,
      OVERLONG_TCP,
      {
        proto: 'TCP',
        len: 60,
        truncated: true,
        malformed: 'IPv4 total length 820 exceeds the 100 bytes on the wire',
      },
      100,
    );
  });

  it('marks a link-only frame cut by the snap length as truncated', () => {
    expectDecodes(
      LINKTYPE.ETHERNET,
      fields('02 00 00 00 00 02 02 00 00 00 00 01', '08 06', '00 01 08 00'),
      { proto: 'ARP', len: 32, truncated: true },
      46,
    );
  });
});
