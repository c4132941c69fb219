/** A pcapng file with two sections (LE then BE), several interfaces, resolutions and block kinds. */
import { hex } from './hex.ts';

export const pcapngTwoSections = hex(`
  # --- section 1, little-endian (byte 0)
  0a0d0d0a 30000000 # SHB, length 48
  4d3c2b1a          #   byte-order magic
  0100 0000         #   version 1.0
  ffffffffffffffff  #   section length unknown
  0100 0c00 74776f2073656374696f6e73 # opt_comment "two sections"
  0000 0000         #   opt_endofopt
  30000000          #   length again
  # IDB (byte 48): interface 0
  01000000 20000000 # IDB, length 32
  0100 0000         #   link type 1 (Ethernet), reserved
  ffff0000          #   snaplen 65535
  0900 0100 09000000 #  if_tsresol 9: nanoseconds
  0000 0000         #   opt_endofopt
  20000000          #   length again
  # IDB (byte 80): interface 1
  01000000 2c000000 # IDB, length 44
  6500 0000         #   link type 101 (raw IP)
  00000000          #   snaplen 0 (no limit)
  0900 0100 8a000000 #  if_tsresol 0x8a: 2^-10 s
  0e00 0800 0a00000000000000 # if_tsoffset 10 s
  0000 0000         #   opt_endofopt
  2c000000          #   length again
  # EPB (byte 124) on interface 0
  06000000 38000000 # EPB, length 56
  00000000          #   interface 0
  fe9c9717 15cd853d #   timestamp 0x17979cfe3d85cd15 = 1700000000123456789 ns
  05000000          #   caplen 5
  3c000000          #   origlen 60
  68656c6c6f 000000 #   data "hello" + padding
  0100 0500 6669727374 000000 # opt_comment "first"
  0000 0000         #   opt_endofopt
  38000000          #   length again
  # custom block (byte 180), to be skipped
  ad0b0000 14000000 # type 0xbad, length 20
  7f000000          #   private enterprise number
  01020304          #   opaque data
  14000000          #   length again
  # EPB (byte 200) on interface 1
  06000000 24000000 # EPB, length 36
  01000000          #   interface 1
  95010000 0002c44f #   timestamp 0x1954fc40200 = 1700000000.5 s in 2^-10 units
  04000000          #   caplen 4
  04000000          #   origlen 4
  deadbeef          #   data
  24000000          #   length again
  # ISB (byte 236) for interface 0
  05000000 28000000 # ISB, length 40
  00000000          #   interface 0
  00000000 00000000 #   timestamp
  0500 0800 0300000000000000 # isb_ifdrop 3
  0000 0000         #   opt_endofopt
  28000000          #   length again
  # --- section 2, big-endian (byte 276): interfaces start again
  0a0d0d0a 0000001c # SHB, length 28
  1a2b3c4d          #   byte-order magic
  0001 0000         #   version 1.0
  ffffffffffffffff  #   section length unknown
  0000001c          #   length again
  # IDB (byte 304): interface 0 of section 2
  00000001 00000014 # IDB, length 20
  0071 0000         #   link type 113 (Linux SLL)
  00000004          #   snaplen 4
  00000014          #   length again
  # SPB (byte 324)
  00000003 00000014 # SPB, length 20
  00000006          #   origlen 6; only min(origlen, snaplen 4) bytes are kept
  01020304          #   data
  00000014          #   length again
  # EPB (byte 344), microsecond default resolution
  00000006 00000024 # EPB, length 36
  00000000          #   interface 0
  00000000 00000001 #   timestamp 1 µs
  00000004          #   caplen 4
  00000004          #   origlen 4
  aabbccdd          #   data
  00000024          #   length again
`);

/** A big-endian section holding an obsolete Packet Block (type 2), as very old writers made. */
export const pcapngObsoletePacket = hex(`
  0a0d0d0a 0000001c # SHB, length 28
  1a2b3c4d          #   byte-order magic
  0001 0000         #   version 1.0
  ffffffffffffffff  #   section length unknown
  0000001c          #   length again
  00000001 00000014 # IDB (byte 28), length 20
  0001 0000         #   link type 1
  0000ffff          #   snaplen 65535
  00000014          #   length again
  00000002 00000024 # OPB (byte 48), length 36
  0000              #   interface 0
  0007              #   drops count 7 (not reported)
  00000000 00000005 #   timestamp 5 µs
  00000004          #   caplen 4
  00000040          #   origlen 64
  abcdef01          #   data
  00000024          #   length again
`);
