/**
 * Child processes that must not outlive the server (tcpdump runs as root and keeps capturing).
 * `process.on('exit')` covers a normal exit, but not `kill -9` or a crash of Node itself, so one
 * small watchdog process is started beside the first such child. It reads the pids to guard from
 * a pipe whose other end only this server holds: when the server dies in any way, the kernel
 * closes that pipe, the watchdog sees end-of-file and kills every pid still armed, then exits.
 * No shell: the watchdog is this Node binary running a fixed script.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/**
 * Lines on its stdin: `+<pid>` arms, `-<pid>` disarms (the child ended on its own). At end of input
 * it sends SIGKILL to every armed pid. It ignores SIGINT and SIGTERM sent to the process group
 * (Ctrl-C in a terminal), so it is still there to clean up after the server.
 */
const WATCHDOG_SCRIPT = `
const armed = new Set();
let rest = '';
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  const lines = (rest + text).split('\\n');
  rest = lines.pop();
  for (const line of lines) {
    const pid = Number(line.slice(1));
    if (!Number.isInteger(pid) || pid <= 1) continue;
    if (line[0] === '+') armed.add(pid); else armed.delete(pid);
  }
});
process.stdin.on('end', () => {
  for (const pid of armed) { try { process.kill(pid, 'SIGKILL'); } catch {} }
  process.exit(0);
});
`;

let watchdog: ChildProcess | undefined;

function startWatchdog(): ChildProcess | undefined {
  if (watchdog?.stdin?.writable) return watchdog;
  try {
    const child = spawn(process.execPath, ['-e', WATCHDOG_SCRIPT], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.on('error', () => {
      if (watchdog === child) watchdog = undefined;
    });
    child.on('exit', () => {
      if (watchdog === child) watchdog = undefined;
    });
    child.stdin.on('error', () => {}); // it died first: the next guard starts another one
    // Neither the process nor its pipe keeps the server's event loop alive.
    child.unref();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    watchdog = child;
    return child;
  } catch {
    return undefined; // no watchdog: process.on('exit') still covers a normal exit
  }
}

/** The watchdog's pid while one runs (tests check that it is there and that it cleans up). */
export function watchdogPid(): number | undefined {
  return watchdog?.pid;
}

/**
 * Kill `child` if this server dies without stopping it. Disarms by itself when the child exits.
 * Returns false when no watchdog could be started.
 */
export function guardAgainstOrphan(child: ChildProcess): boolean {
  const pid = child.pid;
  if (pid === undefined) return false;
  const dog = startWatchdog();
  if (dog?.stdin?.writable !== true) return false;
  dog.stdin.write(`+${pid}\n`);
  child.once('exit', () => {
    if (dog.stdin?.writable === true) dog.stdin.write(`-${pid}\n`);
  });
  return true;
}
