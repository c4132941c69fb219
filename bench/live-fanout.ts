/**
 * Benchmark module of `npm run bench`: live fan-out of a real server process (`npm start`) to 200
 * socket.io viewers, at 1,000 and at 5,000 steps a second; and the same 1,000 steps a second with
 * two processes on one Redis (a real redis-server on a free loopback port), the viewers split
 * across them, all watching the session of the process the traffic goes to.
 *
 * Latency is from a step's time on the server to the record decoded by a viewer. Each figure is
 * the server's steady state: the same traffic runs first from the cold start and is measured
 * apart (its p50/p99 are in the note), see fanout-run.ts. The 200 viewers are two worker threads
 * of this process on the server's machine (on a class, 200 laptops), so every viewer's decoding
 * takes CPU from the server here: the figure is higher than a class would see, not lower.
 */
import type { Hello } from '../core/protocol.ts';
import type { BenchRow } from './bench-row.ts';
import { runFanout, type FanoutResult } from './fanout-run.ts';
import { startRedisServer } from '../server/cluster/testdata/redis-server.ts';
import {
  startServerProcess,
  type ServerProcess,
} from '../server/cluster/testdata/server-process.ts';
import { io as connect } from 'socket.io-client';
import { loadavg } from 'node:os';

const VIEWERS = 200;
/** Viewers all come from 127.0.0.1: lift the per-address page cap for them. */
const FLAGS = ['--max-page-connections', '1000', '--client-buffer', '256'];

export async function rows(keys: readonly string[]): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const want = (...k: string[]) => k.some((x) => keys.includes(x));
  if (want('fanout_p99_ms', 'fanout_lost', 'fanout5k_p99_ms')) {
    const server = await startServerProcess(FLAGS);
    try {
      const live = await liveSessionOf(server);
      const urls = Array.from({ length: VIEWERS }, () => server.url);
      if (want('fanout_p99_ms', 'fanout_lost')) {
        const r = await runFanout({
          urls,
          session: live,
          echo: server.echo,
          stepsPerSecond: 1000,
          seconds: 5,
          warmupSeconds: 2,
          serverCpuMs: server.cpuMs,
        });
        out.push(row('fanout_p99_ms', r.p99, 'ms', 25, note(r)));
        out.push(row('fanout_lost', r.lost, 'lost', 0, note(r)));
      }
      if (want('fanout5k_p99_ms')) {
        const r = await runFanout({
          urls,
          session: live,
          echo: server.echo,
          stepsPerSecond: 5000,
          seconds: 3,
          warmupSeconds: 1,
          serverCpuMs: server.cpuMs,
        });
        out.push(row('fanout5k_p99_ms', r.p99, 'ms', 250, note(r)));
      }
    } finally {
      await server.stop();
    }
  }
  if (want('fanout_redis_p99_ms', 'fanout_redis_lost')) {
    const redis = await startRedisServer();
    let a: ServerProcess | undefined;
    let b: ServerProcess | undefined;
    try {
      [a, b] = await Promise.all([
        startServerProcess([...FLAGS, '--redis', redis.url]),
        startServerProcess([...FLAGS, '--redis', redis.url]),
      ]);
      const live = await liveSessionOf(a);
      await listedOn(b, live);
      const urls = Array.from({ length: VIEWERS }, (_, i) => (i % 2 === 0 ? a! : b!).url);
      const r = await runFanout({
        urls,
        session: live,
        echo: a.echo,
        stepsPerSecond: 1000,
        seconds: 5,
        warmupSeconds: 2,
        serverCpuMs: () => {
          const [x, y] = [a!.cpuMs(), b!.cpuMs()];
          return x === null || y === null ? null : x + y;
        },
      });
      out.push(
        row('fanout_redis_p99_ms', r.p99, 'ms', 25, `${note(r)}; 100 viewers on each process`),
      );
      out.push(row('fanout_redis_lost', r.lost, 'lost', 0, note(r)));
    } finally {
      await Promise.all([a?.stop(), b?.stop()]);
      await redis.stop();
    }
  }
  return out;
}

function row(
  key: string,
  figure: number,
  unit: string,
  target: number,
  reference: string,
): BenchRow {
  return { key, figure, unit, target, kind: 'atMost', reference };
}

function note(r: FanoutResult): string {
  const cpu = r.serverCpu === null ? '' : `server CPU ${r.serverCpu} ms/s, `;
  return (
    `p50 ${r.p50} ms after a warm-up of the same traffic from the cold start ` +
    `(p50 ${r.warmupP50}, p99 ${r.warmupP99} ms); ` +
    `${r.records} records made, ${r.delivered} delivered, ${r.lost} lost, ${r.twice} twice; ` +
    `${cpu}viewers+load CPU ${r.benchCpu} ms/s, viewer threads' loop delay p99 ${r.viewerLoopP99} ms; ` +
    `load average ${loadavg()[0]!.toFixed(1)}`
  );
}

/** The id of the process's live session, from its `hello`. */
function liveSessionOf(server: ServerProcess): Promise<string> {
  return helloOf(server.url, (h) => h.live ?? 'live');
}

/** Waits until a process lists another's session (the processes found each other). */
async function listedOn(server: ServerProcess, id: string): Promise<void> {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    if (await helloOf(server.url, (h) => h.sessions.some((s) => s.id === id))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`session ${id} was not listed on the second process within 30 s`);
}

function helloOf<T>(url: string, pick: (h: Hello) => T): Promise<T> {
  const page = connect(url, { transports: ['websocket'], reconnection: false });
  return new Promise<T>((resolve, reject) => {
    page.once('hello', (h) => resolve(pick(h)));
    page.once('connect_error', reject);
  }).finally(() => page.close());
}
