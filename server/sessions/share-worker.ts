/**
 * The body of a share worker thread, one file at a time: capture bytes in (a chunk per message),
 * a file session built off the event loop, then every part of it posted at once to the file's own
 * port (see session-copy.ts), where they wait serialized until the main thread takes them one by
 * one; the worker lets go of the file before it says so.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { CaptureFormatError } from '../../core/pcap/index.ts';
import { FileSessionBuilder } from './file-session-builder.ts';
import { sessionHead, sessionParts, transferables, type SessionPart } from './session-copy.ts';
import type { FromShareWorker, ToShareWorker } from './share-worker-messages.ts';

const port = parentPort!;
let builder = new FileSessionBuilder('', '', 1);
let bytes = 0;
let failed = true;
let parts: MessagePort | undefined;

const post = (m: FromShareWorker) => port.postMessage(m);
const MB = 1024 * 1024;

port.on('message', (m: ToShareWorker) => {
  if (m.type === 'start') {
    builder = new FileSessionBuilder(m.file.id, m.file.title, m.file.maxRecords);
    bytes = 0;
    failed = false;
    parts = m.parts;
    return;
  }
  if (failed) return;
  try {
    if (m.type === 'chunk') {
      builder.push(m.bytes);
      bytes += m.bytes.length;
      post({ type: 'read', bytes, packets: builder.packets });
    } else {
      const session = builder.end();
      let count = 0;
      for (const part of sessionParts(session)) {
        parts!.postMessage(part satisfies SessionPart, transferables(part));
        count++;
      }
      const head = sessionHead(session);
      const packets = builder.packets;
      // Nothing of this file is held here any more (an idle worker waits for the next one).
      builder = new FileSessionBuilder('', '', 1);
      parts = undefined;
      const heapMb = getHeapStatistics().total_heap_size / MB;
      post({ type: 'head', head, packets, parts: count, heapMb });
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
