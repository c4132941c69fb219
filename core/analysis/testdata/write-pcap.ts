/** Encodes test packets as a classic pcap (Ethernet/IPv4/TCP or UDP) so tshark can read them. */
import type { DecodedPacket } from '../../decode/decoded-packet.ts';

const FLAG_BITS: Record<string, number> = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16, URG: 32, ECE: 64, CWR: 128 };

function frame(p: DecodedPacket): Uint8Array {
  const tcp = p.tcp;
  const opt = tcp?.options.wscale !== undefined ? 4 : 0;
  const l4 = tcp ? 20 + opt : 8;
  const ipLen = 20 + l4 + p.len;
  const b = new Uint8Array(14 + ipLen);
  const v = new DataView(b.buffer);
  v.setUint16(12, 0x0800); // Ethernet type IPv4, zero MACs like loopback
  v.setUint8(14, 0x45); // IPv4, 20-byte header
  v.setUint16(16, ipLen); // total length
  v.setUint16(20, 0x4000); // DF
  v.setUint8(22, 64); // TTL
  v.setUint8(23, tcp ? 6 : 17); // protocol
  (p.src ?? '0.0.0.0').split('.').forEach((x, i) => v.setUint8(26 + i, Number(x)));
  (p.dst ?? '0.0.0.0').split('.').forEach((x, i) => v.setUint8(30 + i, Number(x)));
  v.setUint16(34, p.sport ?? 0);
  v.setUint16(36, p.dport ?? 0);
  if (!tcp) {
    v.setUint16(38, 8 + p.len); // UDP length
    return b;
  }
  v.setUint32(38, tcp.seq);
  v.setUint32(42, tcp.ack);
  v.setUint8(46, ((20 + opt) / 4) << 4); // data offset
  v.setUint8(47, tcp.flags.reduce((a, f) => a | (FLAG_BITS[f] ?? 0), 0));
  v.setUint16(48, tcp.window);
  if (opt) {
    v.setUint8(54, 1); // NOP
    v.setUint8(55, 3); // kind: window scale
    v.setUint8(56, 3); // length
    v.setUint8(57, tcp.options.wscale!); // shift
  }
  return b;
}

export function writePcap(packets: DecodedPacket[]): Uint8Array {
  const frames = packets.map(frame);
  const out = new Uint8Array(24 + frames.reduce((n, f) => n + 16 + f.length, 0));
  const v = new DataView(out.buffer);
  v.setUint32(0, 0xa1b2c3d4, true); // magic, microseconds
  v.setUint16(4, 2, true); // version 2.4
  v.setUint16(6, 4, true);
  v.setUint32(16, 262144, true); // snaplen
  v.setUint32(20, 1, true); // LINKTYPE_ETHERNET
  let o = 24;
  frames.forEach((f, i) => {
    const t = packets[i]!.time;
    v.setUint32(o, Math.floor(t / 1e6), true);
    v.setUint32(o + 4, t % 1e6, true);
    v.setUint32(o + 8, f.length, true);
    v.setUint32(o + 12, f.length, true);
    out.set(f, o + 16);
    o += 16 + f.length;
  });
  return out;
}
