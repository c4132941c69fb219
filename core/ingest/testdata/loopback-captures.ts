/**
 * Small real captures made on lo with tcpdump (classic little-endian pcap, Ethernet link type),
 * one line per record header and per 32 data bytes; each first data line names the packet.
 */
import { hex } from '../../pcap/testdata/hex.ts';

/** The echo endpoint's classic exchange on 127.0.0.1: handshake, request, reply, server closes first. */
export const LOOPBACK_TCP_ECHO = hex(`
  d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 00 00 04 00 01 00 00 00 # pcap header: magic (LE, µs), v2.4, zone, sigfigs, snaplen 262144, Ethernet
  aa 3b 08 6b f0 cb 0b 00 4a 00 00 00 4a 00 00 00 # record 1: seconds, µs, caplen 74, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 3c 45 a6 40 00 40 06 f7 13 7f 00 00 01 7f 00 # 40370 > 44565 [SYN] Seq=0 Win=65495 Len=0 MSS=65495 SACK_PERM TSval=1942577318 TSecr=0 WS=1024
  00 01 9d b2 ae 15 8d 04 01 e0 00 00 00 00 a0 02 ff d7 fe 30 00 00 02 04 ff d7 04 02 08 0a 73 c9
  60 a6 00 00 00 00 01 03 03 0a
  aa 3b 08 6b 02 cc 0b 00 4a 00 00 00 4a 00 00 00 # record 2: seconds, µs, caplen 74, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 3c 00 00 40 00 40 06 3c ba 7f 00 00 01 7f 00 # 44565 > 40370 [SYN, ACK] Seq=0 Ack=1 Win=65483 Len=0 MSS=65495 SACK_PERM TSval=4063472098 TSecr=1942577318 WS=1024
  00 01 ae 15 9d b2 cb 9b 0b 1c 8d 04 01 e1 a0 12 ff cb fe 30 00 00 02 04 ff d7 04 02 08 0a f2 33
  a9 e2 73 c9 60 a6 01 03 03 0a
  aa 3b 08 6b 15 cc 0b 00 42 00 00 00 42 00 00 00 # record 3: seconds, µs, caplen 66, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 34 45 a7 40 00 40 06 f7 1a 7f 00 00 01 7f 00 # 40370 > 44565 [ACK] Seq=1 Ack=1 Win=65536 Len=0 TSval=1942577318 TSecr=4063472098
  00 01 9d b2 ae 15 8d 04 01 e1 cb 9b 0b 1d 80 10 00 40 fe 28 00 00 01 01 08 0a 73 c9 60 a6 f2 33
  a9 e2
  aa 3b 08 6b 4e fa 0b 00 47 00 00 00 47 00 00 00 # record 4: seconds, µs, caplen 71, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 39 45 a8 40 00 40 06 f7 14 7f 00 00 01 7f 00 # 40370 > 44565 [PSH, ACK] Seq=1 Ack=1 Win=65536 Len=5 TSval=1942577330 TSecr=4063472098
  00 01 9d b2 ae 15 8d 04 01 e1 cb 9b 0b 1d 80 18 00 40 fe 2d 00 00 01 01 08 0a 73 c9 60 b2 f2 33
  a9 e2 68 65 6c 6c 6f
  aa 3b 08 6b 63 fa 0b 00 42 00 00 00 42 00 00 00 # record 5: seconds, µs, caplen 66, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 34 bc bb 40 00 40 06 80 06 7f 00 00 01 7f 00 # 44565 > 40370 [ACK] Seq=1 Ack=6 Win=65536 Len=0 TSval=4063472110 TSecr=1942577330
  00 01 ae 15 9d b2 cb 9b 0b 1d 8d 04 01 e6 80 10 00 40 fe 28 00 00 01 01 08 0a f2 33 a9 ee 73 c9
  60 b2
  aa 3b 08 6b b9 04 0c 00 66 00 00 00 66 00 00 00 # record 6: seconds, µs, caplen 102, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 58 bc bc 40 00 40 06 7f e1 7f 00 00 01 7f 00 # 44565 > 40370 [PSH, ACK] Seq=1 Ack=6 Win=65536 Len=36 TSval=4063472112 TSecr=1942577330
  00 01 ae 15 9d b2 cb 9b 0b 1d 8d 04 01 e6 80 18 00 40 fe 4c 00 00 01 01 08 0a f2 33 a9 f0 73 c9
  60 b2 48 65 6c 6c 6f 20 41 2c 20 49 20 61 6d 20 42 2e 20 79 6f 75 20 6d 73 67 20 69 73 20 3a 20
  68 65 6c 6c 6f 0a
  aa 3b 08 6b ca 04 0c 00 42 00 00 00 42 00 00 00 # record 7: seconds, µs, caplen 66, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 34 45 a9 40 00 40 06 f7 18 7f 00 00 01 7f 00 # 40370 > 44565 [ACK] Seq=6 Ack=37 Win=65536 Len=0 TSval=1942577332 TSecr=4063472112
  00 01 9d b2 ae 15 8d 04 01 e6 cb 9b 0b 41 80 10 00 40 fe 28 00 00 01 01 08 0a 73 c9 60 b4 f2 33
  a9 f0
  aa 3b 08 6b 87 10 0c 00 42 00 00 00 42 00 00 00 # record 8: seconds, µs, caplen 66, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 34 bc bd 40 00 40 06 80 04 7f 00 00 01 7f 00 # 44565 > 40370 [FIN, ACK] Seq=37 Ack=6 Win=65536 Len=0 TSval=4063472115 TSecr=1942577332
  00 01 ae 15 9d b2 cb 9b 0b 41 8d 04 01 e6 80 11 00 40 fe 28 00 00 01 01 08 0a f2 33 a9 f3 73 c9
  60 b4
  aa 3b 08 6b 1f 25 0c 00 42 00 00 00 42 00 00 00 # record 9: seconds, µs, caplen 66, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 34 45 aa 40 00 40 06 f7 17 7f 00 00 01 7f 00 # 40370 > 44565 [FIN, ACK] Seq=6 Ack=38 Win=65536 Len=0 TSval=1942577341 TSecr=4063472115
  00 01 9d b2 ae 15 8d 04 01 e6 cb 9b 0b 42 80 11 00 40 fe 28 00 00 01 01 08 0a 73 c9 60 bd f2 33
  a9 f3
  aa 3b 08 6b 3f 25 0c 00 42 00 00 00 42 00 00 00 # record 10: seconds, µs, caplen 66, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 34 bc be 40 00 40 06 80 03 7f 00 00 01 7f 00 # 44565 > 40370 [ACK] Seq=38 Ack=7 Win=65536 Len=0 TSval=4063472121 TSecr=1942577341
  00 01 ae 15 9d b2 cb 9b 0b 42 8d 04 01 e7 80 10 00 40 fe 28 00 00 01 01 08 0a f2 33 a9 f9 73 c9
  60 bd
`);

/** A datagram to a closed UDP port on 127.0.0.1 and the ICMP port unreachable quoting it. */
export const LOOPBACK_UDP_CLOSED_PORT = hex(`
  d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 00 00 04 00 01 00 00 00 # pcap header: magic (LE, µs), v2.4, zone, sigfigs, snaplen 262144, Ethernet
  ad 3b 08 6b b5 71 01 00 37 00 00 00 37 00 00 00 # record 1: seconds, µs, caplen 55, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 29 6f ac 40 00 40 11 cd 15 7f 00 00 01 7f 00 # 46772 > 48741 Len=13
  00 01 b6 b4 be 65 00 15 fe 28 61 6e 79 6f 6e 65 20 74 68 65 72 65 3f
  ad 3b 08 6b d5 71 01 00 53 00 00 00 53 00 00 00 # record 2: seconds, µs, caplen 83, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 c0 00 45 46 bb 00 00 40 01 35 3b 7f 00 00 01 7f 00 # Destination unreachable (Port unreachable)
  00 01 03 03 06 22 00 00 00 00 45 00 00 29 6f ac 40 00 40 11 cd 15 7f 00 00 01 7f 00 00 01 b6 b4
  be 65 00 15 fe 28 61 6e 79 6f 6e 65 20 74 68 65 72 65 3f
`);

/** The classic exchange over ::1. */
export const LOOPBACK_TCP_ECHO_IPV6 = hex(`
  d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 00 00 04 00 01 00 00 00 # pcap header: magic (LE, µs), v2.4, zone, sigfigs, snaplen 262144, Ethernet
  ac 3b 08 6b 6d ac 07 00 5e 00 00 00 5e 00 00 00 # record 1: seconds, µs, caplen 94, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 0e 0b b5 00 28 06 40 00 00 00 00 00 00 00 00 00 00 # 37078 > 39017 [SYN] Seq=0 Win=65476 Len=0 MSS=65476 SACK_PERM TSval=1492407995 TSecr=0 WS=1024
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 90 d6 98 69 1a fe 66 c9 00 00
  00 00 a0 02 ff c4 00 30 00 00 02 04 ff c4 04 02 08 0a 58 f4 56 bb 00 00 00 00 01 03 03 0a
  ac 3b 08 6b 82 ac 07 00 5e 00 00 00 5e 00 00 00 # record 2: seconds, µs, caplen 94, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 08 d2 88 00 28 06 40 00 00 00 00 00 00 00 00 00 00 # 39017 > 37078 [SYN, ACK] Seq=0 Ack=1 Win=65464 Len=0 MSS=65476 SACK_PERM TSval=4160261523 TSecr=1492407995 WS=1024
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 98 69 90 d6 bf c5 c3 95 1a fe
  66 ca a0 12 ff b8 00 30 00 00 02 04 ff c4 04 02 08 0a f7 f8 8d 93 58 f4 56 bb 01 03 03 0a
  ac 3b 08 6b 93 ac 07 00 56 00 00 00 56 00 00 00 # record 3: seconds, µs, caplen 86, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 0e 0b b5 00 20 06 40 00 00 00 00 00 00 00 00 00 00 # 37078 > 39017 [ACK] Seq=1 Ack=1 Win=65536 Len=0 TSval=1492407995 TSecr=4160261523
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 90 d6 98 69 1a fe 66 ca bf c5
  c3 96 80 10 00 40 00 28 00 00 01 01 08 0a 58 f4 56 bb f7 f8 8d 93
  ac 3b 08 6b 97 af 07 00 65 00 00 00 65 00 00 00 # record 4: seconds, µs, caplen 101, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 0e 0b b5 00 2f 06 40 00 00 00 00 00 00 00 00 00 00 # 37078 > 39017 [PSH, ACK] Seq=1 Ack=1 Win=65536 Len=15 TSval=1492407995 TSecr=4160261523
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 90 d6 98 69 1a fe 66 ca bf c5
  c3 96 80 18 00 40 00 37 00 00 01 01 08 0a 58 f4 56 bb f7 f8 8d 93 68 65 6c 6c 6f 20 6f 76 65 72
  20 49 50 76 36
  ac 3b 08 6b a3 af 07 00 56 00 00 00 56 00 00 00 # record 5: seconds, µs, caplen 86, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 08 d2 88 00 20 06 40 00 00 00 00 00 00 00 00 00 00 # 39017 > 37078 [ACK] Seq=1 Ack=16 Win=65536 Len=0 TSval=4160261523 TSecr=1492407995
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 98 69 90 d6 bf c5 c3 96 1a fe
  66 d9 80 10 00 40 00 28 00 00 01 01 08 0a f7 f8 8d 93 58 f4 56 bb
  ac 3b 08 6b 5a b1 07 00 84 00 00 00 84 00 00 00 # record 6: seconds, µs, caplen 132, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 08 d2 88 00 4e 06 40 00 00 00 00 00 00 00 00 00 00 # 39017 > 37078 [PSH, ACK] Seq=1 Ack=16 Win=65536 Len=46 TSval=4160261524 TSecr=1492407995
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 98 69 90 d6 bf c5 c3 96 1a fe
  66 d9 80 18 00 40 00 56 00 00 01 01 08 0a f7 f8 8d 94 58 f4 56 bb 48 65 6c 6c 6f 20 41 2c 20 49
  20 61 6d 20 42 2e 20 79 6f 75 20 6d 73 67 20 69 73 20 3a 20 68 65 6c 6c 6f 20 6f 76 65 72 20 49
  50 76 36 0a
  ac 3b 08 6b 62 b1 07 00 56 00 00 00 56 00 00 00 # record 7: seconds, µs, caplen 86, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 0e 0b b5 00 20 06 40 00 00 00 00 00 00 00 00 00 00 # 37078 > 39017 [ACK] Seq=16 Ack=47 Win=65536 Len=0 TSval=1492407996 TSecr=4160261524
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 90 d6 98 69 1a fe 66 d9 bf c5
  c3 c4 80 10 00 40 00 28 00 00 01 01 08 0a 58 f4 56 bc f7 f8 8d 94
  ac 3b 08 6b a1 b2 07 00 56 00 00 00 56 00 00 00 # record 8: seconds, µs, caplen 86, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 08 d2 88 00 20 06 40 00 00 00 00 00 00 00 00 00 00 # 39017 > 37078 [FIN, ACK] Seq=47 Ack=16 Win=65536 Len=0 TSval=4160261524 TSecr=1492407996
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 98 69 90 d6 bf c5 c3 c4 1a fe
  66 d9 80 11 00 40 00 28 00 00 01 01 08 0a f7 f8 8d 94 58 f4 56 bc
  ac 3b 08 6b b1 b3 07 00 56 00 00 00 56 00 00 00 # record 9: seconds, µs, caplen 86, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 0e 0b b5 00 20 06 40 00 00 00 00 00 00 00 00 00 00 # 37078 > 39017 [FIN, ACK] Seq=16 Ack=48 Win=65536 Len=0 TSval=1492407996 TSecr=4160261524
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 90 d6 98 69 1a fe 66 d9 bf c5
  c3 c5 80 11 00 40 00 28 00 00 01 01 08 0a 58 f4 56 bc f7 f8 8d 94
  ac 3b 08 6b 00 b4 07 00 56 00 00 00 56 00 00 00 # record 10: seconds, µs, caplen 86, origlen
  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 08 d2 88 00 20 06 40 00 00 00 00 00 00 00 00 00 00 # 39017 > 37078 [ACK] Seq=48 Ack=17 Win=65536 Len=0 TSval=4160261524 TSecr=1492407996
  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 98 69 90 d6 bf c5 c3 c5 1a fe
  66 da 80 10 00 40 00 28 00 00 01 01 08 0a f7 f8 8d 94 58 f4 56 bc
`);
