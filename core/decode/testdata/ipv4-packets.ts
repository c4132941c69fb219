/** IPv4 packets (10.0.0.1 ↔ 10.0.0.2) for fixtures, each field commented. @see RFC 791 §3.1 */
import { fields } from './hex.ts';

const A_TO_B = fields(
  '0a 00 00 01', // source 10.0.0.1
  '0a 00 00 02', // destination 10.0.0.2
);

/** SYN with the options Linux sends: MSS, SACK-permitted, timestamps, NOP, window scale. */
export const IPV4_TCP_SYN = fields(
  '45', // version 4, IHL 5 (20 bytes)
  '00', // DSCP / ECN
  '00 3c', // total length 60
  '12 34', // identification
  '40 00', // DF, fragment offset 0
  '40', // TTL 64
  '06', // protocol TCP
  '00 00', // header checksum (never checked)
  A_TO_B,
  // TCP @see RFC 9293 §3.1
  'c3 50', // source port 50000
  '1f 90', // destination port 8080
  '11 22 33 44', // sequence number
  '00 00 00 00', // acknowledgment number
  'a0', // data offset 10 (40 bytes)
  '02', // flags: SYN
  'fa f0', // window 64240
  '00 00', // checksum
  '00 00', // urgent pointer
  '02 04 05 b4', // MSS 1460
  '04 02', // SACK permitted
  '08 0a 00 01 e2 40 00 00 00 00', // timestamps: value 123456, echo 0
  '01', // NOP
  '03 03 07', // window scale 7
);

/** PSH,ACK carrying "hello\n" with a timestamps option. */
export const IPV4_TCP_PSH_ACK = fields(
  '45', // version 4, IHL 5
  '00', // DSCP / ECN
  '00 3a', // total length 58
  '12 35', // identification
  '40 00', // DF
  '40', // TTL 64
  '06', // protocol TCP
  '00 00', // header checksum
  A_TO_B,
  'c3 50', // source port 50000
  '1f 90', // destination port 8080
  '11 22 33 45', // sequence number
  '55 66 77 89', // acknowledgment number
  '80', // data offset 8 (32 bytes)
  '18', // flags: PSH, ACK
  '01 f6', // window 502
  '00 00', // checksum
  '00 00', // urgent pointer
  '01 01', // NOP, NOP
  '08 0a 00 01 e2 a4 00 01 e2 40', // timestamps: value 123556, echo 123456
  '68 65 6c 6c 6f 0a', // payload "hello\n"
);

/** Every flag bit set, AE (the old NS bit) included. */
export const IPV4_TCP_ALL_FLAGS = fields(
  '45 00 00 28', // version 4, IHL 5, total length 40
  '12 36 40 00', // identification, DF
  '40 06 00 00', // TTL 64, protocol TCP, checksum
  A_TO_B,
  'c3 50 1f 90', // ports 50000 → 8080
  '00 00 00 01', // sequence number
  '00 00 00 02', // acknowledgment number
  '51', // data offset 5, reserved 000, AE
  'ff', // CWR ECE URG ACK PSH RST SYN FIN
  '10 00', // window 4096
  '00 00', // checksum
  '00 07', // urgent pointer 7
);

/** A timestamps option claiming length 1: option parsing must stop there. */
export const IPV4_TCP_BAD_OPTION = fields(
  '45 00 00 30', // version 4, IHL 5, total length 48
  '12 37 40 00', // identification, DF
  '40 06 00 00', // TTL 64, protocol TCP, checksum
  A_TO_B,
  'c3 50 1f 90', // ports 50000 → 8080
  '00 00 00 01', // sequence number
  '00 00 00 00', // acknowledgment number
  '70 02', // data offset 7 (28 bytes), SYN
  '04 00 00 00 00 00', // window 1024, checksum, urgent pointer
  '02 04 05 b4', // MSS 1460 (byte 20 of the TCP header)
  '08 01', // timestamps with length 1: invalid (byte 24)
  '00 00', // rest of the option space
);

/** UDP "ping" to the echo port. @see RFC 768 */
export const IPV4_UDP = fields(
  '45 00 00 20', // version 4, IHL 5, total length 32
  '12 38 40 00', // identification, DF
  '40 11 00 00', // TTL 64, protocol UDP, checksum
  A_TO_B,
  'd4 31', // source port 54321
  '00 07', // destination port 7
  '00 0c', // UDP length 12
  '00 00', // checksum
  '70 69 6e 67', // payload "ping"
);

/** IHL 6: a router alert option sits between header and UDP. @see RFC 2113 */
export const IPV4_OPTIONS_UDP = fields(
  '46 00 00 24', // version 4, IHL 6 (24 bytes), total length 36
  '12 39 40 00', // identification, DF
  '01 11 00 00', // TTL 1, protocol UDP, checksum
  A_TO_B,
  '94 04 00 00', // option: router alert
  'd4 31 00 07 00 0c 00 00', // UDP 54321 → 7, length 12, checksum
  '70 69 6e 67', // payload "ping"
);

/** First of two fragments of a 32-byte UDP datagram: UDP header + 8 data bytes. */
export const IPV4_FRAGMENT_FIRST = fields(
  '45 00 00 24', // version 4, IHL 5, total length 36
  '42 42', // identification 0x4242
  '20 00', // MF, fragment offset 0
  '40 11 00 00', // TTL 64, protocol UDP, checksum
  A_TO_B,
  'd4 31 00 07', // UDP ports 54321 → 7
  '00 20 00 00', // UDP length 32 (whole datagram), checksum
  '00 01 02 03 04 05 06 07', // first 8 data bytes
);

/** Second and last fragment: data bytes 8..23 of the UDP payload at fragment offset 16. */
export const IPV4_FRAGMENT_LAST = fields(
  '45 00 00 24', // version 4, IHL 5, total length 36
  '42 42', // identification 0x4242
  '00 02', // no MF, fragment offset 2 (×8 = 16 bytes)
  '40 11 00 00', // TTL 64, protocol UDP, checksum
  A_TO_B,
  '08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17', // 16 data bytes
);

/** Port unreachable from 10.0.0.2, quoting the IPV4_UDP datagram. @see RFC 792 */
export const IPV4_ICMP_PORT_UNREACHABLE = fields(
  '45 00 00 3c', // version 4, IHL 5, total length 60
  '99 99 00 00', // identification, no flags
  '40 01 00 00', // TTL 64, protocol ICMP, checksum
  '0a 00 00 02', // source 10.0.0.2
  '0a 00 00 01', // destination 10.0.0.1
  '03', // type 3: destination unreachable
  '03', // code 3: port unreachable
  '00 00', // checksum
  '00 00 00 00', // unused
  IPV4_UDP, // the quoted datagram: IPv4 header, UDP header, data
);

/** Echo request with 8 bytes of data. */
export const IPV4_ICMP_ECHO = fields(
  '45 00 00 24', // version 4, IHL 5, total length 36
  '99 9a 00 00', // identification, no flags
  '40 01 00 00', // TTL 64, protocol ICMP, checksum
  A_TO_B,
  '08 00', // type 8 echo request, code 0
  '00 00', // checksum
  '00 01 00 01', // identifier 1, sequence 1
  '61 62 63 64 65 66 67 68', // data "abcdefgh"
);

/** ARP request: who has 10.0.0.2? tell 10.0.0.1. @see RFC 826 */
export const ARP_REQUEST = fields(
  '00 01 08 00', // hardware Ethernet, protocol IPv4
  '06 04 00 01', // sizes 6 and 4, opcode request
  '02 00 00 00 00 01 0a 00 00 01', // sender MAC and IP
  '00 00 00 00 00 00 0a 00 00 02', // target MAC and IP
);
