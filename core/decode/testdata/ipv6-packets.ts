/** IPv6 packets (2001:db8::1 ↔ 2001:db8::2) for fixtures, each field commented. @see RFC 8200 §3 */
import { fields } from './hex.ts';

const HOST_1 = '20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01'; // 2001:db8::1
const HOST_2 = '20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 02'; // 2001:db8::2
const LOOPBACK = '00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01'; // ::1

/** SYN,ACK from port 8080 back to 50000. */
export const IPV6_TCP_SYN_ACK = fields(
  '60 00 00 00', // version 6, traffic class 0, flow label 0
  '00 14', // payload length 20
  '06', // next header TCP
  '40', // hop limit 64
  HOST_2, // source
  HOST_1, // destination
  '1f 90 c3 50', // ports 8080 → 50000
  'aa bb cc dd', // sequence number
  '11 22 33 45', // acknowledgment number
  '50 12', // data offset 5, flags SYN ACK
  'ff ff', // window 65535
  '00 00 00 00', // checksum, urgent pointer
);

/** UDP "ping" over loopback. */
export const IPV6_UDP_LOOPBACK = fields(
  '60 00 00 00', // version 6
  '00 0c', // payload length 12
  '11', // next header UDP
  '40', // hop limit 64
  LOOPBACK, // source ::1
  LOOPBACK, // destination ::1
  'd4 31 00 07 00 0c 00 00', // UDP 54321 → 7, length 12, checksum
  '70 69 6e 67', // payload "ping"
);

/** Hop-by-hop options, then a fragment header (first fragment), then UDP. @see RFC 8200 §4.3, §4.5 */
export const IPV6_HBH_FRAGMENT_UDP = fields(
  '60 00 00 00', // version 6
  '00 1c', // payload length 28
  '00', // next header: hop-by-hop options
  '40', // hop limit 64
  HOST_1,
  HOST_2,
  '2c', // hop-by-hop: next header fragment (44)
  '00', // hop-by-hop: length 0 (8 bytes)
  '01 04 00 00 00 00', // PadN option, 4 bytes of padding
  '11', // fragment: next header UDP
  '00', // fragment: reserved
  '00 01', // fragment: offset 0, M = 1
  '00 00 ab cd', // fragment: identification 0xabcd
  'd4 31 00 07 00 0c 00 00', // UDP 54321 → 7, length 12, checksum
  '70 69 6e 67', // payload "ping"
);

/** A later fragment: only the fragment header, then 8 bytes of the middle of the datagram. */
export const IPV6_FRAGMENT_LATER = fields(
  '60 00 00 00', // version 6
  '00 10', // payload length 16
  '2c', // next header: fragment
  '40', // hop limit 64
  HOST_1,
  HOST_2,
  '11 00', // fragment: next header UDP, reserved
  '00 10', // fragment: offset 2 (×8 = 16 bytes), M = 0
  '00 00 ab cd', // fragment: identification 0xabcd
  '00 01 02 03 04 05 06 07', // 8 data bytes
);

/** Port unreachable from 2001:db8::2, quoting a UDP datagram from 2001:db8::1. @see RFC 4443 §3.1 */
export const IPV6_ICMPV6_PORT_UNREACHABLE = fields(
  '60 00 00 00', // version 6
  '00 3c', // payload length 60
  '3a', // next header ICMPv6
  '40', // hop limit 64
  HOST_2,
  HOST_1,
  '01', // type 1: destination unreachable
  '04', // code 4: port unreachable
  '00 00', // checksum
  '00 00 00 00', // unused
  '60 00 00 00 00 0c 11 40', // quoted IPv6: version 6, payload 12, UDP, hop limit 64
  HOST_1, // quoted source
  HOST_2, // quoted destination
  'd4 31 00 07 00 0c 00 00', // quoted UDP 54321 → 7, length 12
  '70 69 6e 67', // quoted payload "ping"
);

/** Echo request with 8 bytes of data. @see RFC 4443 §4.1 */
export const IPV6_ICMPV6_ECHO = fields(
  '60 00 00 00', // version 6
  '00 10', // payload length 16
  '3a', // next header ICMPv6
  '40', // hop limit 64
  HOST_1,
  HOST_2,
  '80 00', // type 128 echo request, code 0
  '00 00', // checksum
  '00 01 00 01', // identifier 1, sequence 1
  '61 62 63 64 65 66 67 68', // data "abcdefgh"
);
