/** What the share worker and the server's main thread say to each other. */
import type { MessagePort } from 'node:worker_threads';
import type { SessionHead } from './session-copy.ts';

export interface ShareWorkerData {
  id: string;
  title: string;
  maxRecords: number;
}

export type ToShareWorker =
  // A new file: forget the last one. `parts` is where the finished session's parts go.
  | { type: 'start'; file: ShareWorkerData; parts: MessagePort }
  | { type: 'chunk'; bytes: Uint8Array } // the next bytes of the file
  | { type: 'end' }; // the file is whole: build the session, post its parts, then its head

export type FromShareWorker =
  | { type: 'read'; bytes: number; packets: number } // one chunk read: bytes and packets so far
  // Every part is posted (`parts` of them, waiting in the port); the worker holds nothing of the
  // file any more but still has the heap it grew to read it, `heapMb`.
  | { type: 'head'; head: SessionHead; packets: number; parts: number; heapMb: number }
  | { type: 'error'; unreadable: boolean; message: string }; // unreadable: not a valid capture
