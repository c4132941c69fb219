/**
 * Scenario runs one at a time: a run asked for while another plays waits its turn. Every change
 * (queued, running, done) goes to the status listeners, so every page can say where a run is.
 * Fair: one run per owner (page) waiting or playing by default, so the runs are taken in turn —
 * owners who ask again as soon as theirs is done queue behind everyone already waiting.
 */
import type { ScenarioParams } from '../../core/scenario/scenario-expectations.ts';
import type { ScenarioId } from '../../core/scenario/scenario-id.ts';
import type { RunScenarioResult, ScenarioStatus } from '../../core/scenario/scenario-status.ts';
import type { ScenarioRun } from './run-scenario.ts';

export type RunFn = (id: ScenarioId, params: ScenarioParams) => Promise<ScenarioRun>;

interface Waiting {
  runId: string;
  id: ScenarioId;
  params: ScenarioParams;
  owner: string;
}

export interface QueueLimits {
  /** Runs waiting at once, from everyone. */
  maxWaiting: number;
  /** Runs waiting or playing at once for one owner (one page). */
  maxPerOwner: number;
}

export class ScenarioQueue {
  private waiting: Waiting[] = [];
  private current: (Waiting & { startTime: number }) | null = null;
  private idle: Promise<void> = Promise.resolve();
  private listeners = new Set<(s: ScenarioStatus) => void>();
  private nextId = 1;
  private closed = false;
  private draining = false;

  constructor(
    private run: RunFn,
    private limits: QueueLimits = { maxWaiting: 32, maxPerOwner: 1 },
  ) {}

  onStatus(listener: (s: ScenarioStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The run playing now, then those waiting, in order. */
  statuses(): ScenarioStatus[] {
    const out: ScenarioStatus[] = [];
    if (this.current) {
      const c = this.current;
      out.push({ runId: c.runId, id: c.id, state: 'running', position: 0, startTime: c.startTime });
    }
    this.waiting.forEach((w, i) => out.push(this.queued(w, i)));
    return out;
  }

  enqueue(id: ScenarioId, params: ScenarioParams, owner = ''): RunScenarioResult {
    if (this.closed) return { ok: false, error: 'The server is shutting down.' };
    const mine = this.waiting.filter((w) => w.owner === owner).length;
    if (owner && mine + (this.current?.owner === owner ? 1 : 0) >= this.limits.maxPerOwner)
      return {
        ok: false,
        error: 'Wait for your scenario to finish before asking for another.',
        limit: 'scenario-queue',
      };
    if (this.waiting.length >= this.limits.maxWaiting)
      return {
        ok: false,
        error: 'Too many scenarios are waiting; try again when some are done.',
        limit: 'scenario-queue',
      };
    const w: Waiting = { runId: `run-${this.nextId++}`, id, params, owner };
    this.waiting.push(w);
    const position = this.waiting.length - 1 + (this.current ? 1 : 0);
    this.emit(this.queued(w, this.waiting.length - 1));
    if (!this.draining) this.idle = this.drain();
    return { ok: true, runId: w.runId, state: position === 0 ? 'running' : 'queued', position };
  }

  /** Drops the waiting runs and waits for the one playing to end. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting = [];
    await this.idle;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      await this.drainAll();
    } finally {
      this.draining = false;
    }
  }

  private async drainAll(): Promise<void> {
    for (let w = this.waiting.shift(); w; w = this.waiting.shift()) {
      const startTime = Date.now() * 1000;
      this.current = { ...w, startTime };
      this.emit({ runId: w.runId, id: w.id, state: 'running', position: 0, startTime });
      this.waiting.forEach((o, i) => this.emit(this.queued(o, i)));
      const done = await this.run(w.id, w.params).then(
        (r): ScenarioStatus => ({
          runId: w.runId,
          id: w.id,
          state: 'done',
          position: 0,
          startTime: r.startTime,
          endTime: r.endTime,
          convs: r.timeline.convs,
          verdict: r.verdict,
          ...(r.error ? { error: r.error } : {}),
        }),
        (err: Error): ScenarioStatus => ({
          runId: w.runId,
          id: w.id,
          state: 'done',
          position: 0,
          startTime,
          endTime: Date.now() * 1000,
          error: err.message,
        }),
      );
      this.current = null;
      this.emit(done);
    }
  }

  /** Position counts the run playing now, if any. */
  private queued(w: Waiting, index: number): ScenarioStatus {
    return { runId: w.runId, id: w.id, state: 'queued', position: index + (this.current ? 1 : 0) };
  }

  private emit(s: ScenarioStatus): void {
    for (const l of this.listeners) l(s);
  }
}
