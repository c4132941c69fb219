/** Reads one capture file in 64 KiB chunks and decodes every frame, sorting failures into kinds. */
import { closeSync, openSync, readSync } from 'node:fs';
import { decodePacket } from '../core/decode/decode-packet.ts';
import { CaptureFormatError, CaptureReader, type RawFrame } from '../core/pcap/index.ts';

const CHUNK = 64 * 1024;

export interface FileOutcome {
  packets: number;
  /** CaptureFormatError: an expected verdict on a bad file, not a crash. */
  formatError?: CaptureFormatError;
  /** Any other exception from the reader, and every decoder exception. */
  crashes: string[];
}

export function fuzzFile(file: string): FileOutcome {
  const outcome: FileOutcome = { packets: 0, crashes: [] };
  const decode = (frames: RawFrame[]) => {
    for (const frame of frames) {
      outcome.packets++;
      try {
        decodePacket(frame.linkType, frame.data, frame.time, frame.origlen);
      } catch (error) {
        outcome.crashes.push(`frame ${outcome.packets}: decoder threw: ${describe(error)}`);
      }
    }
  };
  const reader = new CaptureReader();
  // One buffer for every chunk: the reader copies whatever it has to keep.
  const buffer = new Uint8Array(CHUNK);
  const fd = openSync(file, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer))
      decode(reader.push(buffer.subarray(0, n)));
    decode(reader.end());
  } catch (error) {
    if (error instanceof CaptureFormatError) {
      decode(error.frames);
      outcome.formatError = error;
    } else {
      outcome.crashes.push(`reader threw: ${describe(error)}`);
    }
  } finally {
    closeSync(fd);
  }
  return outcome;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const where = error.stack?.split('\n')[1]?.trim();
  return where ? `${error.name}: ${error.message} (${where})` : `${error.name}: ${error.message}`;
}
