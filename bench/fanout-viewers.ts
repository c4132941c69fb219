/**
 * Worker thread of the fan-out benchmark: opens its share of the viewers (socket.io pages), joins
 * each to the session, and counts for every record it receives how long after its tap it arrived
 * (the server stamps each step with the wall clock; same machine, same clock) and which record
 * numbers each viewer got, so the parent can count what was lost or came twice.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../core/protocol.ts';

type Page = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ViewerTask {
  /** Page URL of each viewer (viewers are spread over the processes this way). */
  urls: string[];
  session: string;
}

/** Latency histogram: one bucket per millisecond, the last one for everything longer. */
export const HISTOGRAM_MS = 60_000;

export interface ViewerReport {
  histogram: Uint32Array;
  /** Per viewer: records received, distinct record numbers, lowest and highest. */
  viewers: { received: number; distinct: number; first: number; last: number }[];
}

export type ViewerMessage =
  { joined: number } | { received: number } | { report: ViewerReport } | { error: string };

if (parentPort) {
  const task = workerData as ViewerTask;
  const port = parentPort;
  const histogram = new Uint32Array(HISTOGRAM_MS + 1);
  const pages: Page[] = [];
  const seen = task.urls.map(() => ({ received: 0, numbers: new Set<number>() }));
  let joined = 0;
  task.urls.forEach((url, i) => {
    const page: Page = connect(url, { transports: ['websocket'], reconnection: false });
    pages.push(page);
    page.on('records', (batch) => {
      if (batch.session !== task.session) return;
      const now = Date.now() * 1000;
      const mine = seen[i]!;
      for (const r of batch.records) {
        const ms = Math.max(0, Math.round((now - r.time) / 1000));
        histogram[Math.min(ms, HISTOGRAM_MS)]!++;
        mine.received++;
        mine.numbers.add(r.recNo);
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
    if (m !== 'report') return;
    const viewers = seen.map((v) => {
      let first = Infinity;
      let last = 0;
      for (const n of v.numbers) {
        first = Math.min(first, n);
        last = Math.max(last, n);
      }
      return { received: v.received, distinct: v.numbers.size, first, last };
    });
    for (const p of pages) p.close();
    port.postMessage({ report: { histogram, viewers } });
  });
}
