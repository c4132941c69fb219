/**
 * Builds fragmented IP datagrams for reassembly tests: raw-IP frames (LINKTYPE_RAW), one per
 * fragment, from a transport header and payload. Checksums are left 0 (nothing checks them).
 */
import { IP_PROTO } from '../ip-protocols.ts';

export interface FragmentSpec {
  /** Byte offset in the datagram's payload (a multiple of 8 except for overlap tests). */
  offset: number;
  length: number;
  more: boolean;
  /** Replaces the datagram's bytes in this fragment (overlap tests). */
  fill?: number;
}

/** A UDP datagram (8-byte header + payload of `size` bytes, byte i = i & 0xff). */
export function udpDatagram(sport: number, dport: number, size: number): Uint8Array {
  const d = new Uint8Array(8 + size);
  put16(d, 0, sport);
  put16(d, 2, dport);
  put16(d, 4, 8 + size);
  for (let i = 0; i < size; i++) d[8 + i] = i & 0xff;
  return d;
}

/** A TCP segment with a 20-byte header (PSH,ACK) and `size` payload bytes. */
export function tcpSegment(
  sport: number,
  dport: number,
  seq: number,
  ack: number,
  size: number,
): Uint8Array {
  const d = new Uint8Array(20 + size);
  put16(d, 0, sport);
  put16(d, 2, dport);
  put32(d, 4, seq);
  put32(d, 8, ack);
  d[12] = 5 << 4;
  d[13] = 0x18;
  put16(d, 14, 65535);
  for (let i = 0; i < size; i++) d[20 + i] = (i * 7) & 0xff;
  return d;
}

/** Cuts `datagram` into IPv4 frames. @see RFC 791 §3.1 */
export function ipv4Fragments(
  datagram: Uint8Array,
  protocol: number,
  id: number,
  specs: FragmentSpec[],
  src = [192, 0, 2, 1],
  dst = [192, 0, 2, 2],
): Uint8Array[] {
  return specs.map((s) => {
    const f = new Uint8Array(20 + s.length);
    f[0] = 0x45;
    put16(f, 2, 20 + s.length);
    put16(f, 4, id);
    put16(f, 6, (s.more ? 0x2000 : 0) | (s.offset >> 3));
    f[8] = 64;
    f[9] = protocol;
    f.set(src, 12);
    f.set(dst, 16);
    f.set(slice(datagram, s), 20);
    return f;
  });
}

/** Cuts `datagram` into IPv6 frames with a fragment header. @see RFC 8200 §3, §4.5 */
export function ipv6Fragments(
  datagram: Uint8Array,
  next: number,
  id: number,
  specs: FragmentSpec[],
): Uint8Array[] {
  return specs.map((s) => {
    const f = new Uint8Array(48 + s.length);
    f[0] = 0x60;
    put16(f, 4, 8 + s.length);
    f[6] = IP_PROTO.FRAGMENT;
    f[7] = 64;
    f.set([0x20, 0x01, 0x0d, 0xb8], 8); // 2001:db8::1
    f[23] = 1;
    f.set([0x20, 0x01, 0x0d, 0xb8], 24); // 2001:db8::2
    f[39] = 2;
    f[40] = next;
    put16(f, 42, s.offset | (s.more ? 1 : 0));
    put32(f, 44, id);
    f.set(slice(datagram, s), 48);
    return f;
  });
}

/** Fragments of `total` bytes, `size` each (the last one shorter), in order. */
export function evenSpecs(total: number, size: number): FragmentSpec[] {
  const out: FragmentSpec[] = [];
  for (let o = 0; o < total; o += size)
    out.push({ offset: o, length: Math.min(size, total - o), more: o + size < total });
  return out;
}

function slice(datagram: Uint8Array, s: FragmentSpec): Uint8Array {
  const bytes = new Uint8Array(s.length);
  bytes.set(datagram.subarray(s.offset, s.offset + s.length));
  if (s.fill !== undefined) bytes.fill(s.fill);
  return bytes;
}

function put16(d: Uint8Array, o: number, v: number): void {
  d[o] = (v >> 8) & 0xff;
  d[o + 1] = v & 0xff;
}

function put32(d: Uint8Array, o: number, v: number): void {
  put16(d, o, (v >>> 16) & 0xffff);
  put16(d, o + 2, v & 0xffff);
}
