/** A session made from a capture file someone opened and shared: its packets, analyzed once. */
import { createCaptureIngest } from '../../core/ingest/capture-ingest.ts';
import { Session } from '../hub/session.ts';
import { FrameRing } from './frame-ring.ts';

/** Bytes of raw frames a file session keeps for saving it again. */
const MAX_FRAME_BYTES = 256 * 1024 * 1024;

/** Reads the whole capture; throws CaptureFormatError (with the byte offset) when it is unreadable. */
export function sessionFromCapture(
  id: string,
  title: string,
  bytes: Uint8Array,
  maxRecords: number,
): Session {
  const ingest = createCaptureIngest();
  const packets = [...ingest.push(bytes), ...ingest.end()];
  const session = new Session(id, 'file', title, packets[0]?.record.time ?? 0, maxRecords);
  session.frames = new FrameRing(maxRecords, MAX_FRAME_BYTES);
  for (const { record, frame } of packets) {
    session.append(record);
    session.frames.push(frame);
  }
  return session;
}
