/**
 * The scenario runs a page knows of, from the `scenario` broadcasts and its own run requests:
 * newest last, bounded, never going back from done to running (events may cross an ack).
 */
import type { RunScenarioResult, ScenarioStatus } from '../../../core/protocol.ts';
import type { ScenarioState } from '../../../core/scenario/scenario-status.ts';
import type { ScenarioId } from '../../../core/scenario/scenario-id.ts';

export interface RunEntry extends ScenarioStatus {
  /** Asked for by this page. */
  mine: boolean;
}

/** Runs remembered, at most. */
export const MAX_RUNS = 20;

const ORDER: Record<ScenarioState, number> = { queued: 0, running: 1, done: 2 };

/** Applies one status: replaces the run's entry (unless it is older news) or appends it. */
export function applyStatus(runs: readonly RunEntry[], s: ScenarioStatus): RunEntry[] {
  const at = runs.findIndex((r) => r.runId === s.runId);
  if (at < 0) return [...runs, { ...s, mine: false }].slice(-MAX_RUNS);
  const old = runs[at]!;
  if (ORDER[s.state] < ORDER[old.state]) return [...runs];
  const next = [...runs];
  next[at] = { ...s, mine: old.mine };
  return next;
}

/** Marks the run this page asked for as its own (the ack may come before or after its status). */
export function markMine(
  runs: readonly RunEntry[],
  id: ScenarioId,
  res: Extract<RunScenarioResult, { ok: true }>,
): RunEntry[] {
  const at = runs.findIndex((r) => r.runId === res.runId);
  if (at >= 0) return runs.map((r, i) => (i === at ? { ...r, mine: true } : r));
  const entry: RunEntry = {
    runId: res.runId,
    id,
    state: res.state,
    position: res.position,
    mine: true,
  };
  return [...runs, entry].slice(-MAX_RUNS);
}

/** The run playing now, if any. */
export function runningRun(runs: readonly RunEntry[]): RunEntry | undefined {
  return runs.find((r) => r.state === 'running');
}

/** The run the panel tells about: the picked one, else this page's newest, else anyone's newest. */
export function focusedRun(runs: readonly RunEntry[], picked: string | null): RunEntry | undefined {
  return runs.find((r) => r.runId === picked) ?? runs.findLast((r) => r.mine) ?? runs.at(-1);
}

/** The run went as expected and played to its end. */
export function runOk(r: ScenarioStatus): boolean {
  return r.state === 'done' && !r.error && r.verdict?.outcome === 'as-expected';
}
