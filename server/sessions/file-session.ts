/** A session made from a whole capture file in memory, read on the calling thread. */
import type { Session } from '../hub/session.ts';
import { FileSessionBuilder } from './file-session-builder.ts';

/** Reads the whole capture; throws CaptureFormatError (with the byte offset) when it is unreadable. */
export function sessionFromCapture(
  id: string,
  title: string,
  bytes: Uint8Array,
  maxRecords: number,
): Session {
  const builder = new FileSessionBuilder(id, title, maxRecords);
  builder.push(bytes);
  return builder.end();
}
