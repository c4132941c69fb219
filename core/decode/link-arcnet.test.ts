import { describe, it } from 'vitest';
import type { DecodedPacket } from './decoded-packet.ts';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields } from './testdata/hex.ts';
import { type LinkCase, SHORT, UDP_4 } from './testdata/link-case.ts';
import { IPV4_UDP } from './testdata/ipv4-packets.ts';

/** The DNS query of tcpdump's arcnet-*-arp-icmp-http.pcap (IPv4 and UDP headers, then DNS). */
const DNS_QUERY_1051 = fields(
  '45 00 00 39 64 b5 40 00 40 11 3a 60', // IPv4, total length 57, UDP
  '0a 50 83 01 0a 50 03 fe', // 10.80.131.1 → 10.80.3.254
  '04 00 00 35 00 25 d5 f5', // UDP 1024 → 53, length 37
  'd4 38 01 00 00 01 00 00 00 00 00 00 07 74 63 70 64 75 6d 70 03 6f 72 67 00 00 01 00 01',
);
const DNS_QUERY_1201 = fields(
  '45 00 00 39 a8 f8 40 00 40 11 f6 1c', // IPv4, total length 57, UDP
  '0a 50 83 01 0a 50 03 fe', // 10.80.131.1 → 10.80.3.254
  '04 00 00 35 00 25 67 ff', // UDP 1024 → 53, length 37
  '42 2f 01 00 00 01 00 00 00 00 00 00 07 74 63 70 64 75 6d 70 03 6f 72 67 00 00 01 00 01',
);
const DNS: Partial<DecodedPacket> = {
  proto: 'UDP',
  src: '10.80.131.1',
  dst: '10.80.3.254',
  sport: 1024,
  dport: 53,
  len: 29,
};

const cases: LinkCase[] = [
  {
    name: 'Linux ARCnet, RFC 1051 IP (arcnet-rfc1051-arp-icmp-http.pcap #7)',
    linkType: LINKTYPE.ARCNET_LINUX,
    input: fields('be 50', 'c6 00', 'f0', DNS_QUERY_1051), // source, destination, offset, IP
    expected: DNS,
  },
  {
    name: 'Linux ARCnet, RFC 1201 IP (arcnet-rfc1201-arp-icmp-http.pcap #9)',
    linkType: LINKTYPE.ARCNET_LINUX,
    input: fields('be 50', 'c3 08', 'd4', '00', '01 69', DNS_QUERY_1201), // split 0, sequence 361
    expected: DNS,
  },
  {
    name: 'Linux ARCnet, RFC 1051 ARP (arcnet-rfc1051-arp-icmp-http.pcap #1)',
    linkType: LINKTYPE.ARCNET_LINUX,
    input: fields('be 00', 'ed 08', 'f1', '00 07 08 00 01 04 00 01 be 0a 50 83 01 00 0a 50 83 fe'),
    expected: { proto: 'ARP' },
  },
  {
    name: 'BSD ARCnet, RFC 1201 IP, exception packet',
    linkType: LINKTYPE.ARCNET_BSD,
    input: fields('01 02', 'd4', 'ff', 'ff ff', 'd4 00', '00 01', IPV4_UDP), // padding, id, flag, seq
    expected: UDP_4,
  },
  {
    name: 'ARCnet cut inside its sequence number',
    linkType: LINKTYPE.ARCNET_LINUX,
    input: fields('be 50', 'c3 08', 'd4', '00', '01'),
    expected: {
      proto: 'Unknown',
      truncated: true,
      malformed: SHORT,
    },
  },
  {
    name: 'ARCnet carrying neither IP nor ARP stops at the link',
    linkType: LINKTYPE.ARCNET_BSD,
    input: fields('01 02', '80', '00 00 00 00'), // diagnose
    expected: { proto: 'Unknown', len: 4 },
  },
];

describe('ARCnet', () => {
  it.each(cases)('$name', ({ linkType, input, expected }) => {
    expectDecodes(linkType, input, expected);
  });
});
