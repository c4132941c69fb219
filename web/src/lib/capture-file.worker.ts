/**
 * Web Worker: reads a capture file opened in the page into columns, off the page's thread, and
 * posts progress, the first packets (to draw at once) and finally all of them (buffers moved, not
 * copied). One file per worker; the page ends the worker to cancel.
 */
import { transferables } from './packet-columns-data.ts';
import { readCaptureColumns } from './read-capture-columns.ts';
import type { WorkerReply, WorkerRequest } from './read-in-worker.ts';

const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { file, headPackets } = e.data;
  try {
    const data = await readCaptureColumns(file, {
      headPackets,
      onHead: (head) => post({ type: 'head', data: head }, transferables(head)),
      onProgress: (loaded, total, packets) => post({ type: 'progress', loaded, total, packets }),
    });
    post({ type: 'done', data }, transferables(data));
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
