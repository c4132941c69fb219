/**
 * The body of a share worker thread, one file at a time: capture bytes in (a chunk per message),
 * a file session built off the event loop, then the session back one part per request (see session-copy.ts).
 */
import { parentPort } from 'node:worker_threads';
import { CaptureFormatError } from '../../core/pcap/index.ts';
import { FileSessionBuilder } from './file-session-builder.ts';
import { sessionHead, sessionParts, transferables, type SessionPart } from './session-copy.ts';
import type { FromShareWorker, ToShareWorker } from './share-worker-messages.ts';

const port = parentPort!;
let builder = new FileSessionBuilder('', '', 1);
let bytes = 0;
let failed = true;

const post = (m: FromShareWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

let parts: Generator<SessionPart> | undefined;

port.on('message', (m: ToShareWorker) => {
  if (m.type === 'start') {
    builder = new FileSessionBuilder(m.file.id, m.file.title, m.file.maxRecords);
    bytes = 0;
    failed = false;
    parts = undefined;
    return;
  }
  if (failed) return;
  try {
    if (m.type === 'chunk') {
      builder.push(m.bytes);
      bytes += m.bytes.length;
      post({ type: 'read', bytes, packets: builder.packets });
    } else if (m.type === 'end') {
      const session = builder.end();
      parts = sessionParts(session);
      post({ type: 'head', head: sessionHead(session), packets: builder.packets });
    } else {
      const next = parts?.next();
      if (!next || next.done) {
        // An idle worker waits for the next file: it should not hold this one meanwhile.
        builder = new FileSessionBuilder('', '', 1);
        parts = undefined;
        post({ type: 'done' });
      } else post({ type: 'part', part: next.value }, transferables(next.value));
    }
  } catch (err) {
    failed = true;
    post({
      type: 'error',
      unreadable: err instanceof CaptureFormatError,
      message: (err as Error).message.split('\n')[0] ?? String(err),
    });
  }
});
