/**
 * Network namespaces for impaired runs: made with `ip netns add`, their loopback brought up, and
 * always removed — after the run, on exit or on Ctrl-C (a backstop), and, for those a killed
 * process left behind, by the sweep at the next start.
 */
import { execFileSync } from 'node:child_process';
import { captureSearchDirs, findCaptureBinary } from '../capture/find-capture-tool.ts';
import { namespaceName, parseNamespaceList, staleNamespaces } from './namespace-names.ts';
import { firstLine, runProgram } from './run-program.ts';

/** Where `ip` is (iproute2), or plain `ip` to let PATH decide. */
export function ipBinary(): string {
  return findCaptureBinary('ip', captureSearchDirs()) ?? 'ip';
}

let counter = 0;
const open = new Set<string>();

/** Creates a fresh namespace with `lo` up (MTU and GSO as given); rejects with `ip`'s complaint. */
export async function addNamespace(link: { mtu: number }): Promise<string> {
  const ip = ipBinary();
  const name = namespaceName(process.pid, ++counter);
  const added = await runProgram(ip, ['netns', 'add', name]);
  if (added.code !== 0) throw new Error(`ip netns add ${name} failed: ${firstLine(added)}`);
  open.add(name);
  watchExit();
  // One MSS per packet: with the MTU of Ethernet and no segmentation offload, a rule that drops
  // "one segment" drops one segment, not a 64 KB batch of them.
  const up = await runProgram(ip, [
    '-n',
    name,
    'link',
    'set',
    'lo',
    'up',
    'mtu',
    String(link.mtu),
    'gso_max_size',
    String(link.mtu),
  ]);
  if (up.code !== 0) {
    await deleteNamespace(name);
    throw new Error(`Could not bring up lo in ${name}: ${firstLine(up)}`);
  }
  return name;
}

/** Removes the namespace, its sockets and its rules with it; idempotent. */
export async function deleteNamespace(name: string): Promise<void> {
  const r = await runProgram(ipBinary(), ['netns', 'del', name]);
  open.delete(name);
  if (r.code !== 0 && !/No such file/.test(r.stderr))
    throw new Error(`ip netns del ${name} failed: ${firstLine(r)}`);
}

/** Every network namespace on the machine, by name. */
export function listNamespaces(): string[] {
  try {
    const text = execFileSync(ipBinary(), ['netns', 'list'], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return parseNamespaceList(text);
  } catch {
    return [];
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes our namespaces whose process is gone; returns their names. */
export function sweepStaleNamespaces(): string[] {
  const stale = staleNamespaces(listNamespaces(), pidAlive);
  for (const name of stale) deleteNow(name);
  return stale;
}

function deleteNow(name: string): void {
  try {
    execFileSync(ipBinary(), ['netns', 'del', name], { stdio: 'ignore', timeout: 5000 });
  } catch {
    // already gone
  }
  open.delete(name);
}

let watching = false;

/**
 * On exit, remove what is still open. On SIGINT/SIGTERM too, but only when nobody else handles
 * them (the page server closes its runs itself, then exits): remove, then die of the signal.
 */
function watchExit(): void {
  if (watching) return;
  watching = true;
  process.on('exit', () => [...open].forEach(deleteNow));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    if (process.listenerCount(sig) > 0) continue;
    const onSignal = (): void => {
      [...open].forEach(deleteNow);
      process.off(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}
