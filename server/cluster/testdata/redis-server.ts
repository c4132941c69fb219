/**
 * A real redis-server for tests and benchmarks: on a free loopback port, nothing saved to disk,
 * stopped (or killed, to play an outage) by the PID of the process started here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freeTcpPort } from '../../scenarios/free-port.ts';

export interface RedisServer {
  url: string;
  port: number;
  /** SIGKILL: the outage a crash makes (the port closes at once). */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freeTcpPort('127.0.0.1');
  let child: ChildProcess | null = await launch(port);
  const end = async (signal: NodeJS.Signals) => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill(signal);
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGKILL');
      child = await launch(port);
    },
    stop: () => end('SIGTERM'),
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-2000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err) =>
      reject(new Error(`redis-server could not start (${err.message}): install it (apt-get install redis-server).`)),
    );
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with ${code}: ${output.trim().slice(-500)}`)),
    );
  });
  failed.catch(() => undefined);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await Promise.race([answersPing(port), failed]);
    if (ok) return child;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${port} within 10 s.`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.setTimeout(1000);
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => {
      s.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}
