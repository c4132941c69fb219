/**
 * What the main thread of a sharded `analyze` and its analysis threads tell each other. Each thread
 * reads the whole file and decodes every packet (to number packets and find their owners) but
 * analyses and writes only the packets of its own flows; the main thread merges the lines.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Locale } from '../../core/explain/render-explanation.ts';

export interface ShardJob {
  path: string;
  /** The file's name as a JSON string when several files are analysed (each line names it). */
  fileJson: string | undefined;
  serverPorts: number[];
  lang: Locale;
  /** This thread's number, and how many threads share the file. */
  shard: number;
  shards: number;
  /** Where the main thread hands back line buffers it has written out, for reuse. */
  back: MessagePort;
  /** One Int32 per thread, bumped by the main thread after each buffer it hands back. */
  signal: SharedArrayBuffer;
}

/**
 * `stream` codes in `ShardLines.streams`: 0 when the line prints no stream number, else the
 * thread's own stream number + 1, with STREAM_UDP set for a UDP stream (TCP and UDP count apart).
 */
export const STREAM_UDP = 0x80000000;

export type ShardMessage =
  /** Complete lines, in packet order, with each line's packet number and stream code. */
  | {
      type: 'lines';
      buffer: ArrayBuffer;
      length: number;
      nos: Uint32Array;
      streams: Uint32Array;
      /** Packets the thread had read when it sent this (see ShardMerge on why it matters). */
      upTo: number;
    }
  /** Packets read so far, when there were no lines to send. */
  | { type: 'progress'; upTo: number }
  /** From packet `at` on, the thread's analysis may differ from the one-thread run's (see
   * ShardGuard): it stopped there. */
  | { type: 'inexact'; at: number }
  /** The end: what was wrong with the file (the lines before it were sent), and stderr's note. */
  | { type: 'done'; problem?: string; note?: string };
