/**
 * Reads shared captures in worker threads: the main thread only hands over chunks and takes each
 * finished session back a part per event-loop turn, so pages keep getting answers meanwhile.
 * Workers are started on the first share and kept a while for the next (starting one costs
 * seconds), unless reading grew the worker's heap: that worker is ended before the session is
 * rebuilt here, so the two heaps never peak together. A bad file, a worker that dies or runs out
 * of memory: one line, and the server lives on.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  MessageChannel,
  Worker,
  receiveMessageOnPort,
  type MessagePort,
} from 'node:worker_threads';
import type { Session } from '../hub/session.ts';
import { SessionRebuild, type SessionPart } from './session-copy.ts';
import type { FromShareWorker, ShareWorkerData, ToShareWorker } from './share-worker-messages.ts';

/** Heap one worker may use before it is stopped (its file is refused, nothing else is hurt). */
const WORKER_HEAP_MB = 256;
/** An idle worker is ended after this long (its heap is given back). */
const IDLE_MS = 60_000;
/**
 * A worker whose heap grew past this while reading is ended as soon as its session's parts are
 * posted: a file of a few thousand packets leaves it well below, a 900,000-stream scan near its
 * limit (the parts wait serialized, a fraction of that, while the session is rebuilt here).
 */
const KEEP_HEAP_MB = 64;

export class ShareParseError extends Error {
  /** True when the bytes are not a readable capture (the sender's fault: 400, not 500). */
  constructor(
    message: string,
    readonly unreadable: boolean,
  ) {
    super(message);
    this.name = 'ShareParseError';
  }
}

export interface ParseProgress {
  bytes: number;
  packets: number;
}

export interface WorkerParse {
  /** Hands the worker the next bytes (copied: the caller may reuse its buffer). */
  write(chunk: Uint8Array): void;
  /** Chunks handed over that the worker has not read yet. */
  readonly backlog: number;
  /** No more bytes: resolves with the session once it is rebuilt here, or rejects with one line. */
  end(): Promise<Session>;
  /** What end() gives, settled early when the file fails before its end (or on abort). */
  readonly result: Promise<Session>;
  /** Stops the worker; end() rejects. */
  abort(): void;
}

// tsx's hooks are not inherited by worker threads: the worker registers tsx's CommonJS hook (no
// loader thread to start) before loading its TypeScript body, under npm start, bin/ and vitest.
const BOOT =
  `require(${JSON.stringify(createRequire(import.meta.url).resolve('tsx/cjs/api'))}).register();` +
  `require(${JSON.stringify(fileURLToPath(new URL('./share-worker.ts', import.meta.url)))});`;

interface Idle {
  worker: Worker;
  timer: NodeJS.Timeout;
}

export class ShareWorkers {
  private idle: Idle[] = [];
  private busy = new Set<Worker>();

  /**
   * `heapMb`: the old-generation heap each worker may use; `keepHeapMb`: the heap past which a
   * worker is ended once it has read its file.
   */
  constructor(
    private readonly heapMb = WORKER_HEAP_MB,
    private readonly keepHeapMb = KEEP_HEAP_MB,
  ) {}

  /** Reads one file in a worker (an idle one, or a new one); `onRead` hears after every chunk. */
  parse(file: ShareWorkerData, onRead: (p: ParseProgress) => void): WorkerParse {
    const reused = this.idle.pop();
    if (reused) clearTimeout(reused.timer);
    const worker = reused?.worker ?? newWorker(this.heapMb);
    worker.ref();
    this.busy.add(worker);
    return this.run(worker, file, onRead);
  }

  /** Workers waiting for the next file. */
  get idleCount(): number {
    return this.idle.length;
  }

  /** Ends every worker, busy or idle. */
  async close(): Promise<void> {
    const all = [...this.busy, ...this.idle.map((i) => i.worker)];
    for (const i of this.idle) clearTimeout(i.timer);
    this.idle = [];
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private release(worker: Worker, healthy: boolean): void {
    if (!this.busy.delete(worker)) return;
    // By name: removing every listener would also drop the ones Node uses to ref its port.
    for (const event of ['message', 'error', 'exit']) worker.removeAllListeners(event);
    if (!healthy) {
      void worker.terminate();
      return;
    }
    worker.unref();
    worker.on('error', () => undefined);
    worker.on('exit', () => (this.idle = this.idle.filter((i) => i.worker !== worker)));
    const timer = setTimeout(() => void worker.terminate(), IDLE_MS).unref();
    this.idle.push({ worker, timer });
  }

  private run(
    worker: Worker,
    file: ShareWorkerData,
    onRead: (p: ParseProgress) => void,
  ): WorkerParse {
    let backlog = 0;
    let settled = false;
    let resolveEnd!: (s: Session) => void;
    let rejectEnd!: (e: ShareParseError) => void;
    const ended = new Promise<Session>((resolve, reject) => {
      resolveEnd = resolve;
      rejectEnd = reject;
    });
    ended.catch(() => undefined); // end() may never be called when the upload fails first
    const send = (m: ToShareWorker, transfer: (ArrayBuffer | MessagePort)[] = []) =>
      worker.postMessage(m, transfer);
    // The finished session's parts: posted by the worker all at once, taken here one by one.
    const { port1: parts, port2: partsForWorker } = new MessageChannel();
    // A worker that answered (done, or a file it could not read) takes the next file.
    const finish = (outcome: Session | ShareParseError, healthy: boolean) => {
      if (settled) return;
      settled = true;
      parts.close();
      this.release(worker, healthy);
      if (outcome instanceof ShareParseError) rejectEnd(outcome);
      else resolveEnd(outcome);
    };
    const early = () =>
      finish(
        new ShareParseError("The server's reader ended early (its parts are missing).", false),
        false,
      );

    /** Takes the parts in, one per turn of the event loop: pages are answered between parts. */
    const rebuildFrom = (rebuild: SessionRebuild, left: number) => {
      if (settled) return;
      if (left === 0) return finish(rebuild.session, true);
      const got = receiveMessageOnPort(parts);
      if (!got) return early();
      rebuild.add(got.message as SessionPart);
      setImmediate(() => rebuildFrom(rebuild, left - 1));
    };

    worker.on('message', (m: FromShareWorker) => {
      if (settled) return;
      if (m.type === 'read') {
        backlog--;
        onRead(m);
      } else if (m.type === 'head') {
        // Its heap goes before this thread's copy of the session grows (the parts stay queued).
        if (m.heapMb > this.keepHeapMb) this.release(worker, false);
        rebuildFrom(new SessionRebuild(m.head), m.parts);
      } else {
        finish(new ShareParseError(m.message, m.unreadable), true);
      }
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const why =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `reading it needed more than ${this.heapMb} MB`
          : `the reader stopped (${err.message.split('\n')[0]})`;
      finish(new ShareParseError(`The server could not read the file: ${why}.`, false), false);
    });
    worker.on('exit', (code) => {
      const error = `The server's reader ended early (exit code ${code}).`;
      finish(new ShareParseError(error, false), false);
    });
    send({ type: 'start', file, parts: partsForWorker }, [partsForWorker]);

    return {
      write(chunk) {
        if (settled) return;
        const copy = new Uint8Array(chunk);
        backlog++;
        send({ type: 'chunk', bytes: copy }, [copy.buffer]);
      },
      get backlog() {
        return backlog;
      },
      result: ended,
      end() {
        if (!settled) send({ type: 'end' });
        return ended;
      },
      abort() {
        finish(new ShareParseError('The share was stopped.', false), false);
      },
    };
  }
}

function newWorker(heapMb: number): Worker {
  return new Worker(BOOT, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
}
