/**
 * `analyze` on several threads: each analysis thread reads the file and analyses the packets of
 * its share of the flows (analyze-shard-worker.ts), the main thread merges their lines in packet
 * order (analyze-shard-merge.ts). The output is byte for byte the one-thread run's. Asked for with
 * PACKET_LADDER_THREADS=N; one thread still reads standard input, and a file where the threads' analysis would stop being exact (see
 * ShardGuard) is finished by one thread from where the merged lines stopped.
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Locale } from '../../core/explain/render-explanation.ts';
import { ShardMerge } from './analyze-shard-merge.ts';
import type { ShardJob, ShardMessage } from './analyze-shard-messages.ts';
import { SHARD_BUFFER } from './analyze-shard-worker.ts';
import { YOUNG_GENERATION } from './analyze-command.ts';

/** Analysis threads: a number from 1 (the default) to MAX_THREADS. */
export const THREADS_ENV = 'PACKET_LADDER_THREADS';
/** Threads at most (each one reads and frames the whole file, so more stop paying). */
const MAX_THREADS = 8;
/** Main thread's output buffers. */
const WRITE_BUFFER = 1024 * 1024;

/** The threads to use (1 when unset), or what is wrong with the variable. */
export function threadChoice(env: NodeJS.ProcessEnv): number | string {
  const text = env[THREADS_ENV];
  if (text === undefined || text === '') return 1;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_THREADS)
    return `${THREADS_ENV} must be a number of threads from 1 to ${MAX_THREADS}, not "${text}"`;
  return n;
}

export interface ShardedFile {
  path: string;
  /** Shown in every line when several files are analysed. */
  label: string | undefined;
  serverPorts: number[];
  lang: Locale;
}

/** How many threads `file` gets (1: the one-thread run): standard input and anything but a
 * readable regular file go to one thread (which reports what is wrong). */
function threadsFor(path: string, threads: number): number {
  if (threads === 1 || path === '-') return 1;
  try {
    if (!fs.statSync(path).isFile()) return 1;
    fs.accessSync(path, fs.constants.R_OK);
  } catch {
    return 1;
  }
  return threads;
}

/**
 * Prints the file's lines, on threads when that pays; returns what was wrong with the file.
 * `single` is the one-thread run, writing to the stream it is given.
 */
export async function analyzeWithThreads(
  file: ShardedFile,
  choice: number,
  out: Writable,
  notice: (note: string) => void,
  single: (to: Writable) => Promise<string | undefined>,
): Promise<string | undefined> {
  const threads = threadsFor(file.path, choice);
  if (threads === 1) return single(out);
  const run = await runShards(file, threads, out);
  if ('printed' in run) return single(skipLines(out, run.printed));
  if (run.note) notice(run.note);
  return run.problem;
}

/** How a thread is started: from analyze's bundle when running from it, else the sources. */
function workerCode(): string {
  if (typeof __filename === 'string' && __filename.endsWith('.cjs'))
    return `require(${JSON.stringify(__filename)}).runShardWorker();`;
  const source = fileURLToPath(new URL('./analyze-shard-worker.ts', import.meta.url));
  return `require('tsx/cjs/api').register(); require(${JSON.stringify(source)}).runShardWorker();`;
}

export type ShardRun = { problem?: string; note?: string } | { printed: number };

/** Runs the threads (started with `code`, tests give their own) and merges their lines. */
export function runShards(
  file: ShardedFile,
  shards: number,
  out: Writable,
  code = workerCode(),
): Promise<ShardRun> {
  const signal = new SharedArrayBuffer(4 * shards);
  const counters = new Int32Array(signal);
  const backs: MessagePort[] = [];
  const workers: Worker[] = [];
  const merge = new ShardMerge(shards, out, WRITE_BUFFER, (shard, buffer) => {
    if (buffer.byteLength !== SHARD_BUFFER) return;
    backs[shard]!.postMessage(buffer, [buffer]);
    Atomics.add(counters, shard, 1);
    Atomics.notify(counters, shard);
  });
  return new Promise((resolve) => {
    let ended = false;
    let done: { problem?: string; note?: string } | undefined;
    const stop = (result: ShardRun) => {
      if (ended) return;
      ended = true;
      out.off('drain', onDrain);
      for (const w of workers) void w.terminate();
      for (const p of backs) p.close();
      resolve(result);
    };
    const pump = () => {
      merge.pump();
      if (merge.complete) stop(done ?? {});
    };
    const onDrain = () => {
      merge.resume();
      pump();
    };
    out.on('drain', onDrain);
    for (let shard = 0; shard < shards; shard++) {
      const { port1, port2 } = new MessageChannel();
      backs.push(port1);
      const job: ShardJob = {
        path: file.path,
        fileJson: file.label === undefined ? undefined : JSON.stringify(file.label),
        serverPorts: file.serverPorts,
        lang: file.lang,
        shard,
        shards,
        back: port2,
        signal,
      };
      const worker = new Worker(code, {
        eval: true,
        workerData: job,
        transferList: [port2],
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION / 2 ** 20 },
      });
      workers.push(worker);
      worker.on('message', (m: ShardMessage) => {
        if (ended) return;
        if (m.type === 'lines') merge.lines(shard, m);
        else if (m.type === 'progress') merge.read(shard, m.upTo);
        else if (m.type === 'done') {
          if (shard === 0) done = { problem: m.problem, note: m.note };
          merge.finished(shard);
        } else {
          // Lines up to where it stopped are exact; one thread does the rest (see ShardMessage).
          merge.read(shard, m.at - 1);
          for (const w of workers) if (w !== worker) void w.terminate();
          ended = true;
          out.off('drain', onDrain);
          void finishAfterInexact(merge, out).then(() => {
            for (const p of backs) p.close();
            resolve({ printed: merge.printed });
          });
          return;
        }
        if (!merge.blocked) pump();
      });
      worker.on('error', (e) => stop({ problem: `an analysis thread failed: ${e.message}` }));
      worker.on('exit', (exitCode) => {
        if (!ended && exitCode !== 0 && !merge.complete)
          stop({ problem: `an analysis thread stopped (exit code ${exitCode})` });
      });
    }
  });
}

/** Merges what the threads sent before one stopped, then hands it all on. */
async function finishAfterInexact(merge: ShardMerge, out: Writable): Promise<void> {
  for (;;) {
    merge.pump();
    if (!merge.blocked) break;
    await new Promise((r) => out.once('drain', r));
    merge.resume();
  }
  merge.flush();
}

/** `out`, less its first `skip` lines (printed already by the threads). */
function skipLines(out: Writable, skip: number): Writable {
  let left = skip;
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      let from = 0;
      while (left > 0 && from < chunk.length) {
        const end = chunk.indexOf(0x0a, from);
        if (end === -1) return callback();
        from = end + 1;
        left--;
      }
      if (from >= chunk.length || out.write(chunk.subarray(from))) callback();
      else out.once('drain', () => callback());
    },
  });
}
