/**
 * Benchmark module of `npm run bench` (and `npm run bench:share`): a real server (`node --import
 * tsx server/main.ts`) is sent a 60 MB capture of 900,000 TCP streams while a socket.io page asks
 * it for something every 20 ms. Prints the share's time, the server's RSS growth (peak during the
 * share over the RSS before it) and the page's round trips meanwhile, p50 and p99.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect } from 'socket.io-client';
import { freeTcpPort } from '../server/scenarios/free-port.ts';
import type { BenchRow } from './bench-row.ts';
import { writeScanPcap } from './share-capture.ts';

const STREAMS = 900_000;
const PING_MS = 20;
const TIMEOUT_MS = 15 * 60_000;
const MB = 2 ** 20;
const main = fileURLToPath(new URL('../server/main.ts', import.meta.url));

function rss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Starts the server and resolves once it says it is running. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freeTcpPort('127.0.0.1');
  const child = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', main, '--port', String(port), '--echo-port', '0'],
      ...['--data-dir', dataDir, '--read-rate', '1000'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Press Ctrl-C')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out.trim()}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/` };
}

/** POSTs the file as a stream; resolves with the status and body. */
function upload(
  url: string,
  file: string,
  socket: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`/api/sessions?name=scan.pcap&socket=${socket}`, url), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // A refusal closes the connection while the file is still going out: its answer wins.
    req.on('error', (e) => setTimeout(() => reject(e), 1000));
    createReadStream(file).pipe(req);
  });
}

const load = () => loadavg()[0]!.toFixed(1);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export async function rows(keys: readonly string[]): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-share-'));
  let server: ChildProcess | undefined;
  let page: ReturnType<typeof connect> | undefined;
  let poll: NodeJS.Timeout | undefined;
  try {
    const file = join(dir, 'scan.pcap');
    const size = writeScanPcap(file, STREAMS);
    const started = await startServer(join(dir, 'data'));
    server = started.child;
    const socket = connect(started.url, { transports: ['websocket'], reconnection: false });
    page = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ping = () => socket.timeout(30_000).emitWithAck('join', { session: 'live', after: 0 });
    await ping();
    const pid = server.pid!;
    const before = rss(pid);
    let peak = before;
    let packets = 0;
    socket.on('shareProgress', (p: { packets: number }) => (packets = p.packets));
    const rtts: number[] = [];
    let sharing = true;
    const pinger = (async () => {
      while (sharing) {
        const t = performance.now();
        await ping();
        rtts.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, PING_MS));
      }
    })();
    // A share that fails stops the server under a pending ping: its rejection is not the news.
    pinger.catch(() => undefined);
    poll = setInterval(() => (peak = Math.max(peak, rss(pid))), 20);
    const t0 = performance.now();
    const loadBefore = load();
    let timeout: NodeJS.Timeout | undefined;
    // Past the timeout the round trips and RSS so far are still figures; the time is not.
    const res = await Promise.race([
      upload(started.url, file, socket.id!),
      new Promise<null>((resolve) => (timeout = setTimeout(() => resolve(null), TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timeout));
    const seconds = (performance.now() - t0) / 1000;
    sharing = false;
    await pinger;
    const loads = `load average ${loadBefore} at the start, ${load()} at the end`;
    clearInterval(poll);
    peak = Math.max(peak, rss(pid));
    const cut = res
      ? undefined
      : `not finished after ${TIMEOUT_MS / 60_000} min (${packets.toLocaleString('en-US')} packets read; ${loads})`;
    if (res && res.status !== 201) throw new Error(`share answered ${res.status}: ${res.body}`);
    const info = res && (JSON.parse(res.body) as { lastRecNo: number });
    if (info && info.lastRecNo !== STREAMS)
      throw new Error(`the session holds ${info.lastRecNo} records`);
    rtts.sort((a, b) => a - b);
    const what = `${STREAMS.toLocaleString('en-US')} streams, ${(size / MB).toFixed(1)} MiB`;
    const pings = `${rtts.length} round trips, max ${quantile(rtts, 1).toFixed(0)} ms`;
    const all: BenchRow[] = [
      {
        key: 'share_seconds',
        figure: cut ? null : Number(seconds.toFixed(1)),
        unit: 's',
        target: 60,
        kind: 'atMost',
        reference: `${what}; last progress said ${packets.toLocaleString('en-US')} packets read; ${loads}`,
        ...(cut && { note: cut }),
      },
      {
        key: 'share_rtt_p50_ms',
        figure: Number(quantile(rtts, 0.5).toFixed(1)),
        unit: 'ms',
        target: 200,
        kind: 'atMost',
        reference: pings,
        ...(cut && { note: `until the share was cut: ${cut}` }),
      },
      {
        key: 'share_rtt_p99_ms',
        figure: Number(quantile(rtts, 0.99).toFixed(1)),
        unit: 'ms',
        target: 200,
        kind: 'atMost',
        reference: pings,
        ...(cut && { note: `until the share was cut: ${cut}` }),
      },
      {
        key: 'share_rss_mb',
        figure: Number(((peak - before) / MB).toFixed(0)),
        unit: 'MB',
        target: 300,
        kind: 'atMost',
        reference: `server RSS ${(before / MB).toFixed(0)} MB before, ${(peak / MB).toFixed(0)} MB at most during the share`,
        ...(cut && { note: `until the share was cut: ${cut}` }),
      },
    ];
    return all.filter((r) => keys.includes(r.key));
  } finally {
    clearInterval(poll);
    page?.close();
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    rmSync(dir, { recursive: true, force: true });
  }
}
