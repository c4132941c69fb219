/**
 * Captures one exchange on the loopback interface into a pcap file: tcpdump through the project's
 * own capture source, the first streamed bytes taken as the sign that packets will be seen.
 */
import { writeFileSync } from 'node:fs';
import { createCaptureSource } from '../capture/index.ts';

/** Time left after the exchange for the last packets to reach the capture. */
const SETTLE_MS = 200;

/** Runs `exchange` while capturing `filter` on lo and writes what was captured to `file`. */
export async function captureToFile(
  file: string,
  filter: string,
  exchange: () => Promise<void>,
): Promise<void> {
  const source = createCaptureSource({ tool: 'tcpdump', iface: 'lo', filter });
  const chunks: Uint8Array[] = [];
  source.on('data', (chunk) => chunks.push(chunk));
  await source.start();
  try {
    await exchange();
    await new Promise((r) => setTimeout(r, SETTLE_MS));
  } finally {
    await source.stop();
  }
  writeFileSync(file, Buffer.concat(chunks));
}
