/**
 * One fan-out run: viewers in worker threads joined to a session, UDP datagrams sent to the
 * session's echo endpoint at a steady rate (each one is two steps: the server's read and its
 * reply), then the latency of every delivered record and what each viewer missed.
 *
 * The same traffic first runs for `warmupSeconds` and is measured apart: in the first second
 * after a server starts, its code and the viewer threads' are still being compiled, and batches
 * then take 20-70 ms (profiled: the server's first flushes take 8-19 ms instead of 3, and each
 * viewer thread, decoding 100 viewers' copies one after the other while cold, adds up to 60 ms).
 * A class's server has been running; the figure is the steady state after that, and the warm-up's
 * own p50/p99 are reported beside it. Records lost or doubled are counted over both.
 */
import dgram from 'node:dgram';
import { Worker } from 'node:worker_threads';
import type { Endpoint } from '../core/protocol.ts';
import { HISTOGRAM_MS, type ViewerMessage, type ViewerReport } from './fanout-viewers.ts';

export interface FanoutLoad {
  /** Page URL of each viewer. */
  urls: string[];
  session: string;
  echo: Endpoint;
  stepsPerSecond: number;
  seconds: number;
  /** The same traffic before the measured seconds, measured apart (see above). */
  warmupSeconds: number;
  /** CPU time the server processes have used so far, in ms (null where it cannot be read). */
  serverCpuMs?: () => number | null;
}

export interface FanoutResult {
  p50: number;
  p99: number;
  /** The same for the warm-up traffic. */
  warmupP50: number;
  warmupP99: number;
  /** The viewer threads' event-loop delay while measuring, 99th percentile, the worst one (ms). */
  viewerLoopP99: number;
  /** Records some viewer did not get, summed over viewers. */
  lost: number;
  /** Records some viewer got more than once, summed over viewers. */
  twice: number;
  /** Records received, summed over viewers (warm-up included). */
  delivered: number;
  /** Records the session made in the run, warm-up included (the echo may have dropped datagrams it could not read). */
  records: number;
  /**
   * CPU used from the first measured datagram until the viewers went quiet, per second of traffic (ms/s):
   * by the server, and by this process (the load and the viewers' worker threads).
   */
  serverCpu: number | null;
  benchCpu: number;
}

const WORKERS = 2;
// A worker thread does not inherit tsx's loader: the worker registers it, then loads the viewers.
const WORKER_CODE = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(
    new URL('./fanout-viewers.ts', import.meta.url).href,
  )}); })`;
/** After the last datagram, viewers receive until nothing came for QUIET_MS (at most SETTLE_MS). */
const QUIET_MS = 5000;
/** Between the warm-up and the measured traffic, the viewers are quiet this long. */
const WARMUP_QUIET_MS = 1000;
const SETTLE_MS = 60_000;

export async function runFanout(load: FanoutLoad): Promise<FanoutResult> {
  const shares = Array.from({ length: WORKERS }, (_, w) =>
    load.urls.filter((_, i) => i % WORKERS === w),
  );
  const workers = shares.map(
    (urls) => new Worker(WORKER_CODE, { eval: true, workerData: { urls, session: load.session } }),
  );
  try {
    await Promise.all(workers.map((w, i) => joinedAll(w, shares[i]!.length)));
    if (load.warmupSeconds > 0) {
      await sendSteadily(load, load.warmupSeconds);
      await settled(workers, WARMUP_QUIET_MS);
    }
    await Promise.all(workers.map(measuring));
    const server0 = load.serverCpuMs?.() ?? null;
    const bench0 = process.cpuUsage();
    await sendSteadily(load, load.seconds);
    await settled(workers, QUIET_MS);
    const server1 = load.serverCpuMs?.() ?? null;
    const bench = process.cpuUsage(bench0);
    const reports = await Promise.all(workers.map(report));
    const warmup = summed(reports.map((r) => r.warmup));
    const warmupCount = warmup.reduce((a, b) => a + b, 0);
    return {
      ...summarize(reports, (load.stepsPerSecond * (load.seconds + load.warmupSeconds)) / 2),
      warmupP50: quantile(warmup, warmupCount, 0.5),
      warmupP99: quantile(warmup, warmupCount, 0.99),
      viewerLoopP99: Math.round(Math.max(...reports.map((r) => r.loopDelayP99))),
      serverCpu:
        server0 === null || server1 === null
          ? null
          : Math.round((server1 - server0) / load.seconds),
      benchCpu: Math.round((bench.user + bench.system) / 1000 / load.seconds),
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function joinedAll(w: Worker, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('viewers did not join in 60 s')), 60_000);
    w.on('message', (m: ViewerMessage) => {
      if ('error' in m) reject(new Error(m.error));
      if ('joined' in m && m.joined === count) {
        clearTimeout(timer);
        resolve();
      }
    });
    w.once('error', reject);
  });
}

/** Late records are late, not lost: wait until the viewers stop receiving for `quietMs`. */
async function settled(workers: Worker[], quietMs: number): Promise<void> {
  const end = Date.now() + SETTLE_MS;
  let last = -1;
  let quietSince = Date.now();
  while (Date.now() < end && Date.now() - quietSince < quietMs) {
    await new Promise((r) => setTimeout(r, 250));
    const counts = await Promise.all(workers.map(count));
    const total = counts.reduce((a, b) => a + b, 0);
    if (total !== last) quietSince = Date.now();
    last = total;
  }
}

function count(w: Worker): Promise<number> {
  return new Promise((resolve) => {
    const on = (m: ViewerMessage) => {
      if (!('received' in m)) return;
      w.off('message', on);
      resolve(m.received);
    };
    w.on('message', on);
    w.postMessage('count');
  });
}

/** Tells a viewer thread that the measured traffic starts now. */
function measuring(w: Worker): Promise<void> {
  return new Promise((resolve) => {
    const on = (m: ViewerMessage) => {
      if (!('measuring' in m)) return;
      w.off('message', on);
      resolve();
    };
    w.on('message', on);
    w.postMessage('measure');
  });
}

function report(w: Worker): Promise<ViewerReport> {
  return new Promise((resolve) => {
    w.on('message', (m: ViewerMessage) => {
      if ('report' in m) resolve(m.report);
    });
    w.postMessage('report');
  });
}

/** Datagrams in 10 ms slices, catching up when a timer fires late. */
async function sendSteadily(load: FanoutLoad, seconds: number): Promise<void> {
  const sock = dgram.createSocket(load.echo.address.includes(':') ? 'udp6' : 'udp4');
  sock.on('message', () => undefined); // the echo's replies
  await new Promise<void>((r) => sock.bind(0, r));
  const datagrams = Math.round((load.stepsPerSecond * seconds) / 2);
  const body = Buffer.from('fan-out benchmark datagram');
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(
        datagrams,
        Math.floor(((performance.now() - start) / 1000) * (load.stepsPerSecond / 2)),
      );
      for (; sent < due; sent++) sock.send(body, load.echo.port, load.echo.address);
      if (sent >= datagrams) {
        clearInterval(tick);
        resolve();
      }
    }, 10);
  });
  sock.close();
}

function summarize(
  reports: ViewerReport[],
  datagrams: number,
): Omit<FanoutResult, 'serverCpu' | 'benchCpu' | 'warmupP50' | 'warmupP99' | 'viewerLoopP99'> {
  const all = summed(reports.map((r) => r.histogram));
  const viewers = reports.flatMap((r) => r.viewers);
  // Every record the session got in the run; what one viewer holds, every viewer should.
  const first = Math.min(...viewers.map((v) => v.first));
  const last = Math.max(...viewers.map((v) => v.last));
  const expected = Number.isFinite(first) ? last - first + 1 : datagrams * 2;
  let lost = 0;
  let twice = 0;
  for (const v of viewers) {
    lost += expected - v.distinct;
    twice += v.received - v.distinct;
  }
  const measured = all.reduce((a, b) => a + b, 0);
  return {
    p50: quantile(all, measured, 0.5),
    p99: quantile(all, measured, 0.99),
    lost,
    records: expected,
    twice,
    delivered: viewers.reduce((n, v) => n + v.received, 0),
  };
}

function summed(histograms: Uint32Array[]): Uint32Array {
  const all = new Uint32Array(HISTOGRAM_MS + 1);
  for (const h of histograms) for (let i = 0; i < all.length; i++) all[i]! += h[i]!;
  return all;
}

function quantile(h: Uint32Array, total: number, q: number): number {
  const want = Math.ceil(total * q);
  let seen = 0;
  for (let ms = 0; ms < h.length; ms++) {
    seen += h[ms]!;
    if (seen >= want) return ms;
  }
  return HISTOGRAM_MS;
}
