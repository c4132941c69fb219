/** Writes the benchmark's pcap file as a stream: 1 MiB buffers, never the whole file in memory. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { writeFrame, type FrameSpec } from './decode-frames.ts';
import { traffic, type TrafficShape } from './decode-traffic.ts';

const BUFFER = 1024 * 1024;
/** Largest frame the traffic makes (Ethernet + IPv4 + TCP with options + MSS). */
const MAX_FRAME = 14 + 20 + 60 + 1500;

/** Classic little-endian µs pcap, Ethernet. Returns the file size. @see draft-ietf-opsawg-pcap §4-5 */
export function generatePcap(
  file: string,
  packets: number,
  seed = 1,
  shape: TrafficShape = 'mixed',
): number {
  return writeFramesPcap(file, traffic(packets, seed, shape));
}

/** Writes frames (µs times) as a classic pcap, 1 MiB at a time. Returns the file size. */
export function writeFramesPcap(
  file: string,
  frames: Iterable<{ spec: FrameSpec; time: number }>,
): number {
  const fd = openSync(file, 'w');
  const buf = new Uint8Array(BUFFER);
  const view = new DataView(buf.buffer);
  let at = 0;
  let size = 0;
  const flush = () => {
    writeSync(fd, buf, 0, at);
    size += at;
    at = 0;
  };
  try {
    view.setUint32(0, 0xa1b2c3d4, true);
    view.setUint16(4, 2, true);
    view.setUint16(6, 4, true);
    view.setUint32(16, 262144, true);
    view.setUint32(20, 1, true);
    at = 24;
    for (const { spec, time } of frames) {
      if (at + 16 + MAX_FRAME > BUFFER) flush();
      const len = writeFrame(buf, view, at + 16, spec);
      view.setUint32(at, Math.floor(time / 1e6), true);
      view.setUint32(at + 4, time % 1e6, true);
      view.setUint32(at + 8, len, true);
      view.setUint32(at + 12, len, true);
      at += 16 + len;
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return size;
}
