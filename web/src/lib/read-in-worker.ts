/**
 * Reads a capture file into columns in a Web Worker (capture-file.worker.ts), so a file of a
 * million packets never blocks the page: progress and the first packets arrive while it reads.
 */
import type { PacketColumnsData } from './packet-columns-data.ts';

export interface WorkerRequest {
  file: Blob;
  headPackets: number;
}

export type WorkerReply =
  | { type: 'progress'; loaded: number; total: number; packets: number }
  | { type: 'head'; data: PacketColumnsData } // the first headPackets packets
  | { type: 'done'; data: PacketColumnsData } // every packet
  | { type: 'error'; message: string }; // not a readable capture (the message names the byte)

export interface ReadColumnsRequest {
  headPackets: number;
  signal?: AbortSignal;
  onProgress?: (loaded: number, total: number) => void;
  onHead?: (head: PacketColumnsData) => void;
}

/** How a file becomes columns: in a worker in the page, directly in tests. */
export type ColumnsReader = (file: Blob, req: ReadColumnsRequest) => Promise<PacketColumnsData>;

export const readInWorker: ColumnsReader = (file, req) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./capture-file.worker.ts', import.meta.url), {
      type: 'module',
    });
    const stop = () => {
      worker.terminate();
      reject(req.signal?.reason ?? new Error('cancelled'));
    };
    if (req.signal?.aborted) return stop();
    req.signal?.addEventListener('abort', stop, { once: true });
    const end = () => {
      req.signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'progress') req.onProgress?.(m.loaded, m.total);
      else if (m.type === 'head') req.onHead?.(m.data);
      else if (m.type === 'done') {
        end();
        resolve(m.data);
      } else {
        end();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      end();
      reject(new Error(e.message || 'the reading worker failed'));
    };
    worker.postMessage({ file, headPackets: req.headPackets } satisfies WorkerRequest);
  });
