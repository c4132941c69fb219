/**
 * Runs a command with its stdout drained through a pipe, as a user piping `analyze` into another
 * program would: wall time, bytes and lines out, and peak RSS (VmHWM polled from /proc while it
 * runs; the kernel keeps the high-water mark, so a late poll still sees the peak).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface CommandRun {
  seconds: number;
  bytes: number;
  lines: number;
  /** Peak resident memory, bytes (0 when /proc could not be read). */
  peakRss: number;
  code: number | null;
  stderr: string;
}

const POLL_MS = 20;

function highWaterMark(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0; // exited between polls
  }
}

/** Runs `command args`, bounded by `timeoutMs`; never rejects on a failing command. */
export function runPiped(command: string, args: string[], timeoutMs: number): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let lines = 0;
    let peakRss = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    const poll = setInterval(() => {
      if (child.pid) peakRss = Math.max(peakRss, highWaterMark(child.pid));
    }, POLL_MS);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', () => {
      // The last poll before exit may be up to POLL_MS old: read once more while the zombie lasts.
      if (child.pid) peakRss = Math.max(peakRss, highWaterMark(child.pid));
    });
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      resolve({ seconds, bytes, lines, peakRss, code, stderr });
    });
  });
}
