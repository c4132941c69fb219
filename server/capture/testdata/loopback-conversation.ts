/**
 * Test kit for live capture: a TCP echo conversation on 127.0.0.1 run through a capture source, a
 * minimal pcap reader that counts TCP flags, and a check that no capture process is left over.
 */
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import type { CaptureSource } from '../capture-source.ts';

/** Rejects when `p` takes longer than `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A loopback TCP echo server on an ephemeral port. */
export async function echoServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((s) => s.pipe(s));
  server.listen(0, '127.0.0.1');
  await within(once(server, 'listening'), 2000, 'listen');
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((r) => server.close(() => r())) };
}

/** Connects, sends `message`, waits for the echo, closes. */
export async function talk(port: number, message: string): Promise<void> {
  const client = net.connect(port, '127.0.0.1');
  await within(once(client, 'connect'), 2000, 'connect');
  client.write(message);
  await within(once(client, 'data'), 2000, 'echo');
  client.end();
  await within(once(client, 'close'), 2000, 'close');
}

export interface PcapSummary {
  magic: number;
  linkType: number;
  records: number;
  syn: number;
  synAck: number;
  fin: number;
  /** Records whose bytes contain the given payload. */
  withPayload: number;
}

/**
 * Walks a little-endian pcap stream of Ethernet frames carrying IPv4.
 * @see draft-ietf-opsawg-pcap §4 (file header), §5 (record header)
 */
export function summarizePcap(bytes: Uint8Array, payload: string): PcapSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(payload);
  const s: PcapSummary = { magic: view.getUint32(0, true), linkType: view.getUint32(20, true), records: 0, syn: 0, synAck: 0, fin: 0, withPayload: 0 };
  for (let off = 24; off + 16 <= bytes.length && s.records < 10_000; ) {
    const capLen = view.getUint32(off + 8, true);
    const frame = bytes.subarray(off + 16, off + 16 + capLen);
    off += 16 + capLen;
    s.records++;
    if (Buffer.from(frame).includes(needle)) s.withPayload++;
    // Ethernet (14) then IPv4 with protocol 6: TCP flags sit 13 bytes into the TCP header.
    if (frame.length < 34 || frame[12] !== 0x08 || frame[13] !== 0x00 || frame[23] !== 6) continue;
    const flags = frame[14 + ((frame[14] ?? 0) & 0x0f) * 4 + 13] ?? 0;
    if ((flags & 0x12) === 0x02) s.syn++;
    if ((flags & 0x12) === 0x12) s.synAck++;
    if (flags & 0x01) s.fin++;
  }
  return s;
}

/** Processes whose command line contains `marker` (e.g. a port that only one test uses). */
export function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Runs one conversation through `source` and returns every pcap byte it produced. */
export async function captureConversation(source: CaptureSource, port: number, message: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  source.on('data', (c) => chunks.push(c));
  await within(source.start(), 5000, 'start');
  await talk(port, message);
  await sleep(300);
  await within(source.stop(), 5000, 'stop');
  return Buffer.concat(chunks);
}
