/**
 * Builds Ethernet/IPv4 frames for the decode benchmark into a caller's buffer, without allocating:
 * TCP (optionally with SYN options) or UDP, payload bytes of a repeating pattern.
 */

export interface FrameSpec {
  src: number;
  dst: number;
  sport: number;
  dport: number;
  /** 'tcp' with seq/ack/flags/window, or 'udp'. */
  udp: boolean;
  seq: number;
  ack: number;
  /** TCP flag bits (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10). */
  flags: number;
  window: number;
  payload: number;
}

const ETH = 14;
const IP = 20;
/** SYN options: MSS 1460, SACK permitted, timestamps, NOP, window scale 7. @see RFC 9293 §3.2 */
const SYN_OPTIONS = [2, 4, 5, 180, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7];

/** Writes the frame at `at` in `out`; returns its length. @see RFC 791 §3.1, RFC 9293 §3.1, RFC 768 */
export function writeFrame(out: Uint8Array, view: DataView, at: number, f: FrameSpec): number {
  const l4 = f.udp ? 8 : f.flags & 0x02 ? 20 + SYN_OPTIONS.length : 20;
  const total = ETH + IP + l4 + f.payload;
  out.fill(0, at, at + ETH + IP + l4);
  out[at + 1] = 2; // destination MAC 00:02:…, source MAC 00:01:…
  out[at + 7] = 1;
  view.setUint16(at + 12, 0x0800); // IPv4
  const ip = at + ETH;
  out[ip] = 0x45;
  view.setUint16(ip + 2, IP + l4 + f.payload);
  view.setUint16(ip + 6, 0x4000); // DF
  out[ip + 8] = 64;
  out[ip + 9] = f.udp ? 17 : 6;
  view.setUint32(ip + 12, f.src);
  view.setUint32(ip + 16, f.dst);
  const t = ip + IP;
  view.setUint16(t, f.sport);
  view.setUint16(t + 2, f.dport);
  if (f.udp) {
    view.setUint16(t + 4, 8 + f.payload);
  } else {
    view.setUint32(t + 4, f.seq >>> 0);
    view.setUint32(t + 8, f.ack >>> 0);
    out[t + 12] = (l4 / 4) << 4;
    out[t + 13] = f.flags;
    view.setUint16(t + 14, f.window);
    if (l4 > 20) out.set(SYN_OPTIONS, t + 20);
  }
  const data = t + l4;
  for (let i = 0; i < f.payload; i++) out[data + i] = 0x41 + (i % 26);
  return total;
}
