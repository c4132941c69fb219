/**
 * Runs a program to its end with an argv array (never a shell), optionally feeding it stdin, and
 * returns its exit code and output. Never rejects: a program that cannot start reports ENOENT.
 */
import { spawn } from 'node:child_process';

export interface ProgramResult {
  /** Exit code; null when killed, or when it could not start (`spawnError` says why). */
  code: number | null;
  stdout: string;
  stderr: string;
  spawnError?: string;
}

export function runProgram(
  file: string,
  args: readonly string[],
  opts: { input?: string; timeoutMs?: number } = {},
): Promise<ProgramResult> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let spawnError: string | undefined;
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', (err: NodeJS.ErrnoException) => (spawnError = err.code ?? err.message));
    child.stdin.on('error', () => undefined); // a program that exits early closes its stdin
    child.stdin.end(opts.input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ...(spawnError ? { spawnError } : {}) });
    });
  });
}

/** The program's complaint in one line, for error messages. */
export function firstLine(r: ProgramResult): string {
  const text = r.spawnError ?? (r.stderr.trim() || r.stdout.trim() || `exit code ${r.code}`);
  return text.split('\n')[0]!;
}
