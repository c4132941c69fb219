/**
 * A real `npm start` server process for the scale-out, kill -9 and restart tests and the
 * benchmark: its page URL and echo endpoint read from what it prints, its log kept, stopped (or
 * killed, to play a crash) by the PID of the process started here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Endpoint } from '../../../core/protocol.ts';

export interface ServerProcess {
  url: string;
  echo: Endpoint;
  /** CPU time the process has used so far, in ms (from /proc; null where there is none). */
  cpuMs(): number | null;
  /** Everything it wrote to stderr so far. */
  log(): string;
  /** SIGKILL, as a crash: nothing of the server's own shutdown runs. The data folder stays. */
  crash(): Promise<void>;
  /** SIGTERM (SIGKILL after 6 s); a temporary data folder is removed. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** A --data-dir that outlives the process, for a restart to read back; else a temporary one. */
  dataDir?: string;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

export async function startServerProcess(
  flags: string[],
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'scale-out-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server alone
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      '0',
      '--echo-port',
      '0',
      '--data-dir',
      dataDir,
      ...flags,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      const force = setTimeout(() => child.kill('SIGKILL'), 6000);
      await exited;
      clearTimeout(force);
    }
  };
  const crash = () => end('SIGKILL');
  const stop = async () => {
    await end('SIGTERM');
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const ready = await new Promise<{ url: string; echo: Endpoint }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in 120 s: ${err}`)), 120_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const url = /(?:Page|Viewers):\s+(http:\/\/\S+)/.exec(out)?.[1];
        const echo = /TCP echo:\s+(\S+):(\d+)/.exec(out);
        if (url && echo && out.includes('Press Ctrl-C')) {
          clearTimeout(timer);
          resolve({ url, echo: { address: echo[1]!, port: Number(echo[2]) } });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}: ${err}`));
      });
    });
    return { ...ready, cpuMs: () => cpuMsOf(child.pid), log: () => err, crash, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** User + system CPU time of a process, in ms: fields 14 and 15 of /proc/PID/stat, in ticks. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux Node runs on. */
const TICKS_PER_SECOND = 100;
