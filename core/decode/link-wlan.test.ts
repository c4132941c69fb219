import { describe, it } from 'vitest';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields, zeros } from './testdata/hex.ts';
import { IPV4_UDP } from './testdata/ipv4-packets.ts';
import { type LinkCase, SHORT, UDP_4 } from './testdata/link-case.ts';

/** The radiotap header of tcpdump's ieee802.11_htc.pcap, frame 1 (60 bytes, flags 0x04). */
const RADIOTAP_HTC = fields(
  '00 00 3c 00', // version 0, pad, length 60
  '6b 08 80 40', // present: TSFT, flags, channel, signal, noise, antenna, HE, vendor namespace
  '86 b2 ae 39 00 00 00 00', // TSFT
  '04 00 3c 14 40 01 d3 95 00 00', // flags 0x04, pad, channel 5180 OFDM 5 GHz, -45 dBm, -107 dBm, antenna 0
  'fc c3 fe 00 e5 69 0f 00 80 21 02 7f', // HE data 1-6
  '00 03 7f 00 10 00 cb 05 02 04 fe ff 00 00 00 00 00 00 e0 6e 8e 27', // vendor namespace, 16 bytes
);

/** A radiotap header of 12 bytes: TSFT absent, flags with the data-pad bit, 3 bytes of padding. */
const RADIOTAP_PAD = fields('00 00 0c 00', '02 00 00 00', '20 00 00 00');

/** QoS data frame to the AP with +HTC, from ieee802.11_htc.pcap frame 1 (30-byte header). */
const QOS_HTC = fields(
  '88 81 30 00', // QoS data, to DS, +HTC/order; duration 48
  '36 80 94 c0 22 8b', // receiver (BSS id)
  'b0 be 83 5b 4b 40', // transmitter
  'ff ff ff ff ff ff', // destination
  '70 05', // sequence 87
  '16 1b', // QoS control: priority 6
  'ff ff ff ff', // HT control
);
const SNAP_IPV4 = 'aa aa 03 00 00 00 08 00'; // LLC/SNAP, ethertype IPv4

/** Plain data frame from the DS (24-byte header). */
const DATA = fields(
  '08 02 00 00',
  '00 11 22 33 44 55',
  '66 77 88 99 aa bb',
  '66 77 88 99 aa bb',
  '00 00',
);

const cases: LinkCase[] = [
  {
    name: 'radiotap, QoS data +HTC, DHCP discover (ieee802.11_htc.pcap #1)',
    linkType: LINKTYPE.IEEE802_11_RADIOTAP,
    input: fields(
      RADIOTAP_HTC,
      QOS_HTC,
      SNAP_IPV4,
      '45 00 01 48 5b 00 00 00 ff 11 5f a5', // IPv4, total length 328, UDP
      '00 00 00 00 ff ff ff ff', // 0.0.0.0 → 255.255.255.255
      '00 44 00 43 01 34 95 60', // UDP 68 → 67, length 308
      '01 01 06 00 f6 af dd dd', // BOOTP request, xid
      zeros(20),
      'b0 be 83 5b 4b 40', // client MAC
      zeros(202),
      '63 82 53 63 35 01 01 37 0c 01 79 03 06 0f 6c 72 77 fc 5f 2c 2e 39 02 05 dc 3d 07 01', // DHCP options
      'b0 be 83 5b 4b 40 33 04 00 76 a7 00 0c 0f 53 65 62 61 73 74 69 65 73 74 4d 42 50 31 33 ff',
      zeros(6),
    ),
    expected: {
      proto: 'UDP',
      src: '0.0.0.0',
      dst: '255.255.255.255',
      sport: 68,
      dport: 67,
      len: 300,
    },
  },
  {
    name: 'radiotap data-pad flag: the 802.11 header is padded to a multiple of 4',
    linkType: LINKTYPE.IEEE802_11_RADIOTAP,
    // a 4-address data frame's 30-byte header, then 2 bytes of padding
    input: fields(
      RADIOTAP_PAD,
      '08 03 00 00', // data, to and from DS
      '00 11 22 33 44 55 66 77 88 99 aa bb 66 77 88 99 aa bb 00 00 66 77 88 99 aa bb',
      '00 00', // padding to 32
      SNAP_IPV4,
      IPV4_UDP,
    ),
    expected: UDP_4,
  },
  {
    name: '802.11 data frame without radiotap',
    linkType: LINKTYPE.IEEE802_11,
    input: fields(DATA, SNAP_IPV4, IPV4_UDP),
    expected: UDP_4,
  },
  {
    name: '802.11 data frame with address 4 (to and from DS)',
    linkType: LINKTYPE.IEEE802_11,
    input: fields(
      '08 03 00 00',
      '00 11 22 33 44 55',
      '66 77 88 99 aa bb',
      '66 77 88 99 aa bb',
      '00 00',
      '66 77 88 99 aa bb',
      SNAP_IPV4,
      IPV4_UDP,
    ),
    expected: UDP_4,
  },
  {
    name: 'protected data stops at the link',
    linkType: LINKTYPE.IEEE802_11,
    input: fields(
      '08 42 00 00',
      '00 11 22 33 44 55',
      '66 77 88 99 aa bb',
      '66 77 88 99 aa bb',
      '00 00',
      SNAP_IPV4,
      IPV4_UDP,
    ),
    expected: { proto: 'Unknown' },
  },
  {
    name: 'a beacon (management) stops at the link',
    linkType: LINKTYPE.IEEE802_11,
    input: fields(
      '80 00 00 00',
      '00 11 22 33 44 55',
      '66 77 88 99 aa bb',
      '66 77 88 99 aa bb',
      '00 00',
      SNAP_IPV4,
    ),
    expected: { proto: 'Unknown' },
  },
  {
    name: 'A-MSDU stops at the link',
    linkType: LINKTYPE.IEEE802_11,
    input: fields(
      '88 02 00 00',
      '00 11 22 33 44 55',
      '66 77 88 99 aa bb',
      '66 77 88 99 aa bb',
      '00 00',
      '80 00',
      SNAP_IPV4,
      IPV4_UDP,
    ),
    expected: { proto: 'Unknown' },
  },
  {
    name: 'data frame cut inside its LLC header',
    linkType: LINKTYPE.IEEE802_11,
    input: fields(DATA, 'aa aa 03'),
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
  {
    name: 'radiotap header longer than the frame',
    linkType: LINKTYPE.IEEE802_11_RADIOTAP,
    input: fields('00 00 40 00', '02 00 00 00', '00'),
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
  {
    name: 'radiotap header length below 8',
    linkType: LINKTYPE.IEEE802_11_RADIOTAP,
    input: fields('00 00 04 00', '02 00 00 00', DATA),
    expected: { proto: 'Unknown', malformed: 'radiotap header length 4' },
  },
  {
    name: 'radiotap cut inside its header',
    linkType: LINKTYPE.IEEE802_11_RADIOTAP,
    input: '00 00 3c',
    expected: { proto: 'Unknown', truncated: true, malformed: SHORT },
  },
];

describe('802.11 and radiotap', () => {
  it.each(cases)('$name', ({ linkType, input, expected }) => {
    expectDecodes(linkType, input, expected);
  });
});
