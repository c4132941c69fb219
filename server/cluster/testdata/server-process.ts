/**
 * A real `npm start` server process for the scale-out tests and benchmark: its page URL and echo
 * endpoint read from what it prints, its log kept, stopped by the PID of the process started here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Endpoint } from '../../../core/protocol.ts';

export interface ServerProcess {
  url: string;
  echo: Endpoint;
  /** Everything it wrote to stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

export async function startServerProcess(flags: string[]): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-out-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
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
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 6000);
      await exited;
      clearTimeout(force);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
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
    return { ...ready, log: () => err, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
