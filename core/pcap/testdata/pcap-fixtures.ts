/** Small pcap files, one per byte order and timestamp unit, each holding known frames. */
import { hex } from './hex.ts';

/** Little-endian, microseconds, Ethernet, two records. */
export const pcapLeMicros = hex(`
  d4c3b2a1          # magic a1b2c3d4 read little-endian: µs
  0200 0400         # version 2.4
  00000000          # reserved (thiszone)
  00000000          # reserved (sigfigs)
  ffff0000          # snaplen 65535
  01000000          # link type 1 (Ethernet)
  00f15365          # record 1 (byte 24): seconds 1700000000
  40e20100          #   microseconds 123456
  04000000          #   caplen 4
  3c000000          #   origlen 60
  deadbeef          #   data
  01f15365          # record 2 (byte 44): seconds 1700000001
  00000000          #   microseconds 0
  00000000          #   caplen 0
  00000000          #   origlen 0
`);

/** Big-endian, nanoseconds, raw IP. */
export const pcapBeNanos = hex(`
  a1b23c4d          # magic, big-endian, ns
  0002 0004         # version 2.4
  00000000 00000000 # reserved
  0000ffff          # snaplen 65535
  00000065          # link type 101 (raw IP)
  6553f100          # record: seconds 1700000000
  075bcd15          #   nanoseconds 123456789
  00000002          #   caplen 2
  00000002          #   origlen 2
  cafe              #   data
`);

/** Little-endian, nanoseconds, FCS bits set in the link type field. */
export const pcapLeNanosFcs = hex(`
  4d3cb2a1          # magic a1b23c4d little-endian: ns
  0200 0400         # version 2.4
  00000000 00000000 # reserved
  00000400          # snaplen 262144
  01000014          # link type 1, FCS length 1 (bits 28..31) and F bit (26)
  00000000          # record: seconds 0
  e7030000          #   nanoseconds 999 (floored to 0 µs)
  01000000          #   caplen 1
  01000000          #   origlen 1
  aa                #   data
`);

/** Big-endian, microseconds, Linux cooked capture. */
export const pcapBeMicros = hex(`
  a1b2c3d4          # magic, big-endian, µs
  0002 0004         # version 2.4
  00000000 00000000 # reserved
  00040000          # snaplen 262144
  00000071          # link type 113 (Linux SLL)
  00000001          # record: seconds 1
  00000002          #   microseconds 2
  00000001          #   caplen 1
  00000005          #   origlen 5
  bb                #   data
`);

/** "Modified" (Kuznetzov) pcap: 24-byte record headers. */
export const pcapModified = hex(`
  34cdb2a1          # magic a1b2cd34 little-endian
  0200 0400         # version 2.4
  00000000 00000000 # reserved
  ffff0000          # snaplen 65535
  01000000          # link type 1
  0a000000          # record: seconds 10
  05000000          #   microseconds 5
  01000000          #   caplen 1
  01000000          #   origlen 1
  02000000          #   interface index 2
  0008 04 00        #   protocol, packet type, padding
  cc                #   data
`);
