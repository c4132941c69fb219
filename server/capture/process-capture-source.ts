/**
 * A CaptureSource backed by a capture program that writes pcap to stdout: spawns it with an argv
 * array (never a shell), takes the first stdout bytes as the ready signal, reads errors and exit
 * statistics from stderr, and stops it with SIGTERM (SIGKILL if it lingers).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { CaptureStatus } from '../../core/protocol.ts';
import type { CaptureEvents, CaptureExit, CaptureSource } from './capture-source.ts';
import { CaptureStartError } from './capture-start-error.ts';
import { captureFailureMessage } from './capture-failure-message.ts';
import { parseCaptureStats } from './capture-stats.ts';
import { guardAgainstOrphan } from './orphan-watchdog.ts';

export interface ProcessCaptureOptions {
  tool: string;
  /** Program to run: a path, or a name looked up in PATH. */
  binary: string;
  args: readonly string[];
  iface: string;
  filter: string;
  /** How long start() waits for the first bytes before giving up (default 5000 ms). */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL (default 2000 ms). */
  stopTimeoutMs?: number;
  /**
   * While running, send SIGUSR1 this often so the tool prints its counters (tcpdump does), and
   * surface kernel drops as they happen rather than only at exit. Off when undefined.
   */
  statsIntervalMs?: number;
}

/** tcpdump's answer to SIGUSR1: "tcpdump: 12 packets captured, 12 packets received by filter, 0 packets dropped by kernel". */
const LIVE_STATS =
  /^\S+: (\d+) packets? captured, \d+ packets? received by filter, (\d+) packets? dropped by kernel$/gm;

/** stderr kept for error messages and statistics; tools print a few lines, this bounds a chatty one. */
const MAX_STDERR = 64 * 1024;

/** Linux interface names: up to 15 characters, no whitespace or '/', not starting with '-'. */
const IFACE_NAME = /^[^\s/-][^\s/]{0,14}$/;

type ListenerSets = { [E in keyof CaptureEvents]: Set<CaptureEvents[E]> };

export class ProcessCaptureSource implements CaptureSource {
  readonly tool: string;
  #opts: ProcessCaptureOptions;
  #status: CaptureStatus;
  #dropped = 0;
  #listeners: ListenerSets = { data: new Set(), status: new Set(), exit: new Set() };
  #child: ChildProcess | undefined;
  #started: Promise<void> | undefined;
  #closed: Promise<void> = Promise.resolve();
  #stopRequested = false;
  #stderr = '';

  constructor(opts: ProcessCaptureOptions) {
    this.tool = opts.tool;
    this.#opts = opts;
    this.#status = { state: 'off', tool: opts.tool, iface: opts.iface, filter: opts.filter };
  }

  get status(): CaptureStatus {
    return this.#status;
  }

  get dropped(): number {
    return this.#dropped;
  }

  on<E extends keyof CaptureEvents>(event: E, listener: CaptureEvents[E]): () => void {
    const set = this.#listeners[event] as Set<CaptureEvents[E]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  start(): Promise<void> {
    this.#started ??= this.#spawn();
    return this.#started;
  }

  async stop(): Promise<void> {
    if (this.#stopRequested) return this.#closed;
    this.#stopRequested = true;
    const child = this.#child;
    if (child === undefined) {
      if (this.#status.state === 'off') this.#setStatus({ state: 'stopped' });
      return;
    }
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), this.#opts.stopTimeoutMs ?? 2000);
      await this.#closed;
      clearTimeout(timer);
    }
    return this.#closed;
  }

  #emit<E extends keyof CaptureEvents>(event: E, ...args: Parameters<CaptureEvents[E]>): void {
    for (const listener of this.#listeners[event])
      (listener as (...a: typeof args) => void)(...args);
  }

  #setStatus(patch: Partial<CaptureStatus> & Pick<CaptureStatus, 'state'>): void {
    const { tool, iface, filter } = this.#opts;
    this.#status = { tool, iface, filter, ...patch };
    this.#emit('status', this.#status);
  }

  #spawn(): Promise<void> {
    const { tool, binary, args, iface } = this.#opts;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let ready = false;
      const fail = (message: string): void => {
        if (settled) return;
        settled = true;
        this.#setStatus({ state: 'failed', message });
        reject(new CaptureStartError(message));
      };
      if (this.#stopRequested)
        return fail('The capture was stopped before it started: create a new one.');
      if (!IFACE_NAME.test(iface))
        return fail(captureFailureMessage({ tool, iface, stderr: 'No such device' }));

      this.#setStatus({ state: 'starting' });
      const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      this.#child = child;
      // Should Node exit first, take the capture process along instead of leaving it running;
      // after a kill -9 of the server, the watchdog does.
      const killOnExit = (): void => void child.kill('SIGKILL');
      process.on('exit', killOnExit);
      guardAgainstOrphan(child);
      const startTimer = setTimeout(() => {
        fail(
          `${tool} started on ${iface} but wrote nothing within ${this.#opts.startTimeoutMs ?? 5000} ms: run it by hand to see why.`,
        );
        child.kill('SIGKILL');
      }, this.#opts.startTimeoutMs ?? 5000);

      let spawnError: string | undefined;
      child.on('error', (err: NodeJS.ErrnoException) => {
        if (child.pid === undefined) spawnError = err.code ?? 'ENOENT';
      });
      let statsTimer: NodeJS.Timeout | undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        if (!ready) {
          ready = true;
          settled = true;
          clearTimeout(startTimer);
          this.#setStatus({ state: 'running' });
          const every = this.#opts.statsIntervalMs;
          if (every !== undefined) {
            statsTimer = setInterval(() => child.kill('SIGUSR1'), every);
            statsTimer.unref();
          }
          resolve();
        }
        this.#emit('data', chunk);
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (text: string) => {
        this.#stderr = (this.#stderr + text).slice(-MAX_STDERR);
        this.#liveStats(text);
      });
      this.#closed = new Promise<void>((done) => {
        child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
          clearTimeout(startTimer);
          clearInterval(statsTimer);
          process.off('exit', killOnExit);
          this.#onClose({ code, signal, requested: this.#stopRequested }, spawnError, ready, fail);
          done();
        });
      });
    });
  }

  /** Counters printed on SIGUSR1 while running: a change in drops updates the status at once. */
  #liveStats(text: string): void {
    for (const m of text.matchAll(LIVE_STATS)) {
      const dropped = Number(m[2]);
      const packets = Number(m[1]);
      if (dropped !== this.#dropped && this.#status.state === 'running') {
        this.#dropped = dropped;
        this.#setStatus({ state: 'running', dropped, packets });
      }
    }
  }

  #onClose(
    exit: CaptureExit,
    spawnError: string | undefined,
    wasReady: boolean,
    fail: (m: string) => void,
  ): void {
    const { tool, iface } = this.#opts;
    const stats = parseCaptureStats(this.#stderr);
    this.#dropped = stats.dropped ?? this.#dropped;
    const counts = {
      dropped: this.#dropped,
      ...(stats.captured !== undefined && { packets: stats.captured }),
    };
    const failure = (): string =>
      captureFailureMessage({
        tool,
        iface,
        stderr: this.#stderr,
        exitCode: exit.code,
        ...(spawnError && { code: spawnError }),
      });
    if (!wasReady) {
      fail(
        exit.requested ? 'The capture was stopped before it started: start it again.' : failure(),
      );
    } else if (exit.requested) {
      this.#setStatus({ state: 'stopped', ...counts });
    } else {
      this.#setStatus({ state: 'failed', message: failure(), ...counts });
    }
    this.#emit('exit', exit);
  }
}
