/** `npm start`'s process as a user meets it: help, bad flags, a port in use, Ctrl-C. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs server/main.ts; `whenReady` is called once it printed its URLs. */
function runMain(args: string[], whenReady?: (pid: number) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    // Sessions go to a directory of the run's own, not ./data.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-test-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--data-dir', dataDir, ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (whenReady && stdout.includes('Press Ctrl-C')) {
        whenReady(child.pid!);
        whenReady = undefined;
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(kill);
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    });
  });
}

describe('server/main.ts', () => {
  it('--help lists every flag', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--host',
      '--port',
      '--echo-host',
      '--echo-port',
      '--capture',
      '--capture-tool',
      '--capture-interface',
      '--max-records',
      '--help',
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });

  it.each([
    { args: ['--port', 'abc'], error: '--port must be a whole number' },
    { args: ['--bogus'], error: "Unknown option '--bogus'" },
    { args: ['--echo-host', 'example.org'], error: '--echo-host must be an IPv4 or IPv6 address' },
    {
      args: ['--capture-tool', 'wireshark'],
      error: '--capture-tool must be auto, tcpdump or dumpcap',
    },
  ])('a bad flag is one line and exit code 2: $args', async ({ args, error }) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(error);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a port already in use ends with one line naming the port and the flag, exit 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await runMain(['--port', String(port), '--echo-port', '0']);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `packet-ladder: Port ${port} is already in use; choose another with --port <port>.`,
      );
      const e = await runMain(['--port', '0', '--echo-port', String(port)]);
      expect(e.code).toBe(1);
      expect(e.stderr).toContain('--echo-port');
      expect(e.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      blocker.close();
    }
  });

  it.each([{ extra: [] }, { extra: ['--capture'] }])(
    'prints the URLs and stops cleanly on Ctrl-C $extra',
    async ({ extra }) => {
      const r = await runMain(['--port', '0', '--echo-port', '0', ...extra], (pid) =>
        process.kill(pid, 'SIGINT'),
      );
      expect(r.stdout).toMatch(/Page: +http:\/\/127\.0\.0\.1:\d+\//);
      expect(r.stdout).toMatch(/TCP echo: +127\.0\.0\.1:\d+/);
      expect(r.stdout).toContain('Stopped.');
      expect(r.code).toBe(0);
    },
  );
});
