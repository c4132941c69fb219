/** The one error a capture reader throws: the bytes are not a well-formed pcap/pcapng stream. */
import type { RawFrame } from './raw-frame.ts';

export class CaptureFormatError extends Error {
  /** Byte offset in the stream of the field or block that is wrong. */
  readonly offset: number;
  /** The message without its offset. */
  readonly reason: string;
  /** Frames read from the same chunk before the error (so none are lost). */
  frames: RawFrame[] = [];

  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'CaptureFormatError';
    this.offset = offset;
    this.reason = message;
  }
}
