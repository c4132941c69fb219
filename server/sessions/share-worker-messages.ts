/** What the share worker and the server's main thread say to each other. */
import type { SessionHead, SessionPart } from './session-copy.ts';

export interface ShareWorkerData {
  id: string;
  title: string;
  maxRecords: number;
}

export type ToShareWorker =
  | { type: 'start'; file: ShareWorkerData } // a new file: forget the last one
  | { type: 'chunk'; bytes: Uint8Array } // the next bytes of the file
  | { type: 'end' } // the file is whole: build the session and send its head
  | { type: 'next' }; // send the next part (one at a time, so taking them in never piles up)

export type FromShareWorker =
  | { type: 'read'; bytes: number; packets: number } // one chunk read: bytes and packets so far
  | { type: 'head'; head: SessionHead; packets: number } // the session follows in parts
  | { type: 'part'; part: SessionPart }
  | { type: 'done' } // no parts left
  | { type: 'error'; unreadable: boolean; message: string }; // unreadable: not a valid capture
