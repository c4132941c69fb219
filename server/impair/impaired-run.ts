/**
 * One run on an impaired link: a fresh network namespace, the loss rules in it, tcpdump on its
 * loopback when packets are wanted, and a child process (started inside it) that plays both ends
 * and reports their socket steps. Whatever happens — the child fails, the run is aborted — the
 * capture is stopped and the namespace, its sockets and its rules are removed before it returns.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SocketStep } from '../../core/protocol.ts';
import { createCaptureIngest, type IngestedPacket } from '../../core/ingest/capture-ingest.ts';
import { captureSearchDirs, findCaptureBinary } from '../capture/find-capture-tool.ts';
import { ProcessCaptureSource } from '../capture/process-capture-source.ts';
import { tcpdumpArgs } from '../capture/tcpdump-source.ts';
import { guardAgainstOrphan } from '../capture/orphan-watchdog.ts';
import { parseChildLine } from '../scenarios/runners/loss-child-lines.ts';
import { lossRuleset, type LossPlan } from './loss-rules.ts';
import { addNamespace, deleteNamespace, ipBinary } from './network-namespace.ts';
import { firstLine, runProgram } from './run-program.ts';

export interface ImpairedRunOptions {
  plan: LossPlan;
  /** The server's port inside the namespace (the rules name it). */
  port: number;
  mtu: number;
  /** Script the child runs with `node --import tsx`, and its arguments. */
  child: string[];
  onStep(step: SocketStep): void;
  /** When given, the namespace's loopback is captured and its packets come here. */
  onPackets?: (packets: IngestedPacket[]) => void;
  /** Aborting kills the child (the cleanup still runs). */
  signal?: AbortSignal;
  /** Longest the child may run (default 30 s; a backstop, the caller's deadline comes first). */
  timeoutMs?: number;
}

/** The project's root: where `tsx` resolves from for the child. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Time for the capture to hand over the run's last packets before it is stopped. */
const CAPTURE_SETTLE_MS = 150;

export async function runImpaired(opts: ImpairedRunOptions): Promise<void> {
  const name = await addNamespace({ mtu: opts.mtu });
  let capture: ProcessCaptureSource | undefined;
  try {
    await applyRules(name, lossRuleset(opts.plan, opts.port));
    if (opts.onPackets) capture = await startCapture(name, opts.port, opts.onPackets);
    if (opts.signal?.aborted) throw new Error('The run was stopped before its scenario started.');
    await runChild(name, opts);
  } finally {
    if (capture) {
      await new Promise((r) => setTimeout(r, CAPTURE_SETTLE_MS));
      await capture.stop();
    }
    await deleteNamespace(name);
  }
}

function nftBinary(): string {
  return findCaptureBinary('nft', captureSearchDirs()) ?? 'nft';
}

async function applyRules(ns: string, ruleset: string): Promise<void> {
  const r = await runProgram(ipBinary(), ['netns', 'exec', ns, nftBinary(), '-f', '-'], {
    input: ruleset,
  });
  if (r.code !== 0) throw new Error(`The loss rules could not be loaded: ${firstLine(r)}`);
}

async function startCapture(
  ns: string,
  port: number,
  onPackets: (packets: IngestedPacket[]) => void,
): Promise<ProcessCaptureSource> {
  const filter = `tcp port ${port}`;
  const tcpdump = findCaptureBinary('tcpdump', captureSearchDirs()) ?? 'tcpdump';
  const source = new ProcessCaptureSource({
    tool: 'tcpdump',
    binary: ipBinary(),
    args: ['netns', 'exec', ns, tcpdump, ...tcpdumpArgs('lo', filter)],
    iface: 'lo',
    filter,
    startTimeoutMs: 15_000, // `ip netns exec` first: slower to start than tcpdump alone
  });
  const ingest = createCaptureIngest({ serverPorts: [port] });
  let broken = false;
  source.on('data', (chunk) => {
    if (broken) return;
    try {
      onPackets(ingest.push(chunk));
    } catch {
      broken = true; // a stream tcpdump garbled: keep what was read, the steps still count
    }
  });
  await source.start();
  return source;
}

function runChild(ns: string, opts: ImpairedRunOptions): Promise<void> {
  const args = ['netns', 'exec', ns, process.execPath, '--import', 'tsx', ...opts.child];
  const child = spawn(ipBinary(), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  guardAgainstOrphan(child);
  let outcome: 'done' | { failed: string } | undefined;
  let invalid: string | undefined;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => {
    stderr = (stderr + t).slice(-8192);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const msg = parseChildLine(line);
    if (msg.type === 'step') opts.onStep(msg);
    else if (msg.type === 'done') outcome = 'done';
    else if (msg.type === 'failed') outcome = { failed: msg.message };
    else invalid ??= msg.why;
  });
  const kill = (): void => void child.kill('SIGKILL');
  opts.signal?.addEventListener('abort', kill, { once: true });
  const timer = setTimeout(kill, opts.timeoutMs ?? 30_000);
  return new Promise<void>((resolve, reject) => {
    child.on('error', (err) => reject(new Error(`Could not start the scenario: ${err.message}`)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', kill);
      if (outcome === 'done' && code === 0) return resolve();
      if (typeof outcome === 'object') return reject(new Error(outcome.failed));
      const why = invalid
        ? `it printed a line that is not a step (${invalid})`
        : signal
          ? `it was stopped (${signal})`
          : `it exited with code ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`;
      reject(new Error(`The scenario inside its namespace did not finish: ${why}.`));
    });
  });
}
