/**
 * Reads a capture file in the page, chunk by chunk through core's ingest chain, yielding between
 * chunks so progress shows and the page stays responsive. Keeps at most `maxRecords` packets.
 */
import { createCaptureIngest, type IngestedPacket } from '../../../core/ingest/capture-ingest.ts';
import { StreamNames } from '../../../core/stream-names.ts';
import { CaptureFormatError, type RawFrame } from '../../../core/pcap/index.ts';
import type { SessionRecord } from '../../../core/protocol.ts';
import { t } from './messages.ts';

/** Bytes read at once: big enough to be quick, small enough for the progress bar to move. */
export const READ_CHUNK_BYTES = 1024 * 1024;

export interface ReadCaptureOptions {
  /** Packets kept; later ones are counted but dropped. */
  maxRecords: number;
  chunkBytes?: number;
  signal?: AbortSignal;
  onProgress?: (loaded: number, total: number) => void;
  /** Called between chunks; the default waits for the next task so the page can repaint. */
  pause?: () => Promise<void>;
}

export interface ReadCaptureResult {
  /** The kept packets as session records (seq = frame number). */
  records: SessionRecord[];
  /** Their raw frames, copied out of the reader's pool, for saving again. */
  frames: RawFrame[];
  /** Packets in the whole file. */
  total: number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function readCaptureFile(
  blob: Blob,
  opts: ReadCaptureOptions,
): Promise<ReadCaptureResult> {
  const chunk = Math.max(1, opts.chunkBytes ?? READ_CHUNK_BYTES);
  const pause = opts.pause ?? nextTask;
  const ingest = createCaptureIngest({ names: new StreamNames() });
  const records: SessionRecord[] = [];
  const frames: RawFrame[] = [];
  const keep = (got: IngestedPacket[]) => {
    for (const { record, frame, corrections } of got) {
      // States true in hindsight: a later packet corrected earlier ones (kept records are numbered from 1).
      for (const c of corrections ?? []) {
        const earlier = records[c.packet - 1];
        if (earlier?.type === 'packet') earlier.analysis = c.analysis;
      }
      if (records.length >= opts.maxRecords) return;
      records.push(Object.assign(record, { recNo: record.no })); // no copy: cheaper
      // The reader's frame views share pooled slabs: copy to hold one frame for long.
      frames.push({ ...frame, data: frame.data.slice() });
    }
  };
  for (let at = 0; at < blob.size; at += chunk) {
    opts.signal?.throwIfAborted();
    const end = Math.min(blob.size, at + chunk);
    const bytes = new Uint8Array(await blob.slice(at, end).arrayBuffer());
    opts.signal?.throwIfAborted(); // cancelled while the bytes were on their way
    keep(ingest.push(bytes));
    opts.onProgress?.(end, blob.size);
    await pause();
  }
  opts.signal?.throwIfAborted();
  keep(ingest.end());
  return { records, frames, total: ingest.count };
}

/** One line naming the file and what is wrong (with the byte offset for format errors). */
export function openErrorText(name: string, err: unknown): string {
  // A CaptureFormatError's message already ends with "at byte N".
  const why = err instanceof CaptureFormatError || err instanceof Error ? err.message : String(err);
  return t('open.error', { name, why });
}
