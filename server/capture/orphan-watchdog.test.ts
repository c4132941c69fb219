/**
 * The capture child dies with the server, even after `kill -9`: a real server with `--capture`
 * runs tcpdump as root; the server is killed with SIGKILL; tcpdump must be gone soon after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const started: ChildProcess[] = [];
const pidsToReap: number[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orphan-'));

afterAll(() => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const pid of pidsToReap) if (alive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0: count it as gone.
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Direct children of `pid`, with their command names, read from /proc. */
function childrenOf(pid: number): { pid: number; comm: string }[] {
  const out: { pid: number; comm: string }[] = [];
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const c of list === '' ? [] : list.split(/\s+/).map(Number)) {
      const comm = fs.readFileSync(`/proc/${c}/comm`, 'utf8').trim();
      out.push({ pid: c, comm });
    }
  }
  return out;
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

function startServer(args: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', '0', '--echo-port', '0', ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.push(child);
  let out = '';
  child.stdout!.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 30_000);
    child.stdout!.on('data', (d: string) => {
      out += d;
      if (out.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

describe('capture child after kill -9 of the server', () => {
  it('tcpdump is gone within seconds', async () => {
    const server = await startServer(['--capture', '--data-dir', dataDir]);
    const pid = server.pid!;
    // The capture starts with the server; wait for tcpdump and its watchdog to be there.
    expect(await waitFor(() => childrenOf(pid).some((c) => c.comm === 'tcpdump'), 15_000)).toBe(
      true,
    );
    const kids = childrenOf(pid);
    const tcpdump = kids.find((c) => c.comm === 'tcpdump')!.pid;
    pidsToReap.push(tcpdump);
    expect(kids.some((c) => c.comm === 'node')).toBe(true); // the watchdog

    server.kill('SIGKILL');
    expect(await waitFor(() => !alive(tcpdump), 10_000)).toBe(true);
  }, 60_000);

  it('a server stopped normally leaves no watchdog behind', async () => {
    const server = await startServer(['--capture', '--data-dir', dataDir]);
    const pid = server.pid!;
    expect(await waitFor(() => childrenOf(pid).some((c) => c.comm === 'node'), 15_000)).toBe(true);
    const dog = childrenOf(pid).find((c) => c.comm === 'node')!.pid;
    pidsToReap.push(dog);
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    expect(await waitFor(() => !alive(dog), 10_000)).toBe(true);
  }, 60_000);
});
