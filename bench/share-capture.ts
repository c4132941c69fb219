/**
 * The share benchmark's capture, written as a stream: an ACK scan, one bare ACK per TCP stream
 * (each its own source address and port), the shape that makes the most conversations per byte.
 */
import type { FrameSpec } from './decode-frames.ts';
import { writeFramesPcap } from './decode-generate.ts';

function* scan(streams: number): Generator<{ spec: FrameSpec; time: number }> {
  const start = Date.UTC(2026, 0, 1) * 1000;
  for (let i = 0; i < streams; i++) {
    const spec: FrameSpec = {
      src: 0x0a000000 + Math.floor(i / 50_000) + 1, // 10.0.0.x, 50,000 ports each
      dst: 0x0a640001, // 10.100.0.1
      sport: 1024 + (i % 50_000),
      dport: 1 + (i % 1000),
      udp: false,
      seq: (i * 7919) >>> 0,
      ack: (i * 104729) >>> 0,
      flags: 0x10, // ACK
      window: 1024,
      payload: 0,
    };
    yield { spec, time: start + i * 10 };
  }
}

/** Classic pcap of `streams` bare ACKs 10 µs apart (70 bytes each). Returns the file size. */
export function writeScanPcap(file: string, streams: number): number {
  return writeFramesPcap(file, scan(streams));
}
