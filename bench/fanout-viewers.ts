/**
 * Worker thread of the fan-out benchmark: opens its share of the viewers (socket.io pages, read
 * with the counting parser of fanout-parser.ts), joins each to the session, and counts for every record it receives how long after its tap it arrived
 * (the server stamps each step with the wall clock; same machine, same clock) and which record
 * numbers each viewer got, so the parent can count what was lost or came twice. Latencies before
 * the parent says 'measure' (the warm-up) are kept apart, with this thread's event-loop delay
 * while measuring.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../core/protocol.ts';
import { countingParser, type CountedBatch } from './fanout-parser.ts';

/** A viewer's page, whose `records` batches are read by the counting parser. */
type Page = Socket<
  Omit<ServerToClientEvents, 'records'> & { records: (batch: CountedBatch) => void },
  ClientToServerEvents
>;

export interface ViewerTask {
  /** Page URL of each viewer (viewers are spread over the processes this way). */
  urls: string[];
  session: string;
}

/** Latency histogram: one bucket per millisecond, the last one for everything longer. */
export const HISTOGRAM_MS = 60_000;

export interface ViewerReport {
  /** Latencies of the measured traffic (after 'measure'). */
  histogram: Uint32Array;
  /** Latencies of the warm-up traffic (before 'measure'). */
  warmup: Uint32Array;
  /** This thread's event-loop delay while measuring, 99th percentile (ms). */
  loopDelayP99: number;
  /** Per viewer: records received, distinct record numbers, lowest and highest. */
  viewers: { received: number; distinct: number; first: number; last: number }[];
}

export type ViewerMessage =
  | { joined: number }
  | { received: number }
  | { measuring: true }
  | { report: ViewerReport }
  | { error: string };

/** The record numbers one viewer got: a bitmap from its first, so 3,000,000 adds cost little. */
class Seen {
  received = 0;
  distinct = 0;
  first = Infinity;
  last = 0;
  #bits = new Uint8Array(1 << 12);

  add(recNo: number): void {
    this.received++;
    if (this.first === Infinity) this.first = recNo;
    const at = recNo - this.first;
    if (at < 0) return this.rebase(recNo);
    if (at >= this.#bits.length) this.grow(at);
    if (this.#bits[at]) return;
    this.#bits[at] = 1;
    this.distinct++;
    this.last = Math.max(this.last, recNo);
  }

  private grow(at: number): void {
    const bigger = new Uint8Array(Math.max(at + 1, this.#bits.length * 2));
    bigger.set(this.#bits);
    this.#bits = bigger;
  }

  /** A number below the first one (not expected: batches come in order): start the map there. */
  private rebase(recNo: number): void {
    const shift = this.first - recNo;
    const bigger = new Uint8Array(this.#bits.length + shift);
    bigger.set(this.#bits, shift);
    this.#bits = bigger;
    this.first = recNo;
    this.received--;
    this.add(recNo);
  }
}

if (parentPort) {
  const task = workerData as ViewerTask;
  const port = parentPort;
  const warmup = new Uint32Array(HISTOGRAM_MS + 1);
  let histogram = warmup;
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  const pages: Page[] = [];
  const seen = task.urls.map(() => new Seen());
  let joined = 0;
  task.urls.forEach((url, i) => {
    const page: Page = connect(url, {
      transports: ['websocket'],
      reconnection: false,
      parser: countingParser,
    });
    pages.push(page);
    page.on('records', (batch) => {
      if (batch.session !== task.session) return;
      const now = Date.now() * 1000;
      const mine = seen[i]!;
      for (let r = 0; r < batch.recNos.length; r++) {
        const ms = Math.max(0, Math.round((now - batch.times[r]!) / 1000));
        histogram[Math.min(ms, HISTOGRAM_MS)]!++;
        mine.add(batch.recNos[r]!);
      }
    });
    page.once('hello', (h) => {
      const after = h.sessions.find((s) => s.id === task.session)?.lastRecNo ?? 0;
      page.emit('join', { session: task.session, after }, (res) => {
        if (!res.ok) return port.postMessage({ error: `join refused: ${res.error}` });
        port.postMessage({ joined: ++joined });
      });
    });
    page.on('connect_error', (err) => port.postMessage({ error: `connect: ${err.message}` }));
  });
  port.on('message', (m: string) => {
    if (m === 'count') port.postMessage({ received: seen.reduce((n, v) => n + v.received, 0) });
    if (m === 'measure') {
      histogram = new Uint32Array(HISTOGRAM_MS + 1);
      loopDelay.enable();
      port.postMessage({ measuring: true });
    }
    if (m !== 'report') return;
    const viewers = seen.map((v) => ({
      received: v.received,
      distinct: v.distinct,
      first: v.first,
      last: v.last,
    }));
    for (const p of pages) p.close();
    loopDelay.disable();
    const loopDelayP99 = loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : 0;
    port.postMessage({ report: { histogram, warmup, loopDelayP99, viewers } });
  });
}
