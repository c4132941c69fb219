/** Writes a classic little-endian microsecond pcap file (for fixtures and tools that want pcap). */
import type { WritableFrame } from './pcapng-writer.ts';

/** @see draft-ietf-opsawg-pcap §4 (File Header) and §5 (Packet Record) */
export function writePcap(
  frames: Iterable<Omit<WritableFrame, 'linkType' | 'comment'>>,
  linkType: number,
  snaplen = 262144,
): Uint8Array {
  const list = [...frames];
  const out = new Uint8Array(24 + list.reduce((n, f) => n + 16 + f.data.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, snaplen, true);
  view.setUint32(20, linkType, true);
  let at = 24;
  for (const frame of list) {
    const micros = Math.max(0, Math.floor(frame.time));
    view.setUint32(at, Math.floor(micros / 1_000_000), true);
    view.setUint32(at + 4, micros % 1_000_000, true);
    view.setUint32(at + 8, frame.data.length, true);
    view.setUint32(at + 12, frame.origlen ?? frame.data.length, true);
    out.set(frame.data, at + 16);
    at += 16 + frame.data.length;
  }
  return out;
}
