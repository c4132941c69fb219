/**
 * Reads a whole capture file into columns (see PacketColumns), chunk by chunk through core's
 * ingest chain: no cut, memory ~100 bytes per packet besides the frame bytes. Runs in a worker
 * (capture-file.worker.ts); `onHead` hands over the first packets early so the page can draw them
 * while the rest is read.
 */
import { createCaptureIngest, type IngestedPacket } from '../../../core/ingest/capture-ingest.ts';
import { StreamNames } from '../../../core/stream-names.ts';
import { PacketColumnsBuilder } from './packet-columns-builder.ts';
import type { PacketColumnsData } from './packet-columns-data.ts';

export interface ReadColumnsOptions {
  chunkBytes?: number;
  onProgress?: (loaded: number, total: number, packets: number) => void;
  /** Called once, with the first `headPackets` packets (or all, if fewer). */
  onHead?: (head: PacketColumnsData) => void;
  headPackets?: number;
}

export const COLUMNS_CHUNK_BYTES = 1024 * 1024;

export async function readCaptureColumns(
  blob: Blob,
  opts: ReadColumnsOptions = {},
): Promise<PacketColumnsData> {
  const chunk = Math.max(1, opts.chunkBytes ?? COLUMNS_CHUNK_BYTES);
  const ingest = createCaptureIngest({ names: new StreamNames() });
  const all = new PacketColumnsBuilder();
  let head: PacketColumnsBuilder | undefined = opts.onHead ? new PacketColumnsBuilder() : undefined;
  const headPackets = opts.headPackets ?? 0;
  const add = (got: IngestedPacket[]) => {
    for (const { record, frame, corrections } of got) {
      // States true in hindsight: a later packet corrected earlier ones (numbered from 1).
      for (const c of corrections ?? []) {
        all.correct(c.packet - 1, c.analysis);
        head?.correct(c.packet - 1, c.analysis);
      }
      all.add(record, frame);
      if (head && head.length < headPackets) head.add(record, frame);
    }
    if (head && head.length >= headPackets) {
      opts.onHead?.(head.finish());
      head = undefined;
    }
  };
  for (let at = 0; at < blob.size; at += chunk) {
    const end = Math.min(blob.size, at + chunk);
    add(ingest.push(new Uint8Array(await blob.slice(at, end).arrayBuffer())));
    opts.onProgress?.(end, blob.size, all.length);
  }
  add(ingest.end());
  if (head) opts.onHead?.(head.finish());
  return all.finish();
}
