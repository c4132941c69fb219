/** The scenario messages between server and page: the catalog, a run request, a run's status. */
import type { ScenarioEntry } from './scenario-catalog.ts';
import type { ScenarioId } from './scenario-id.ts';
import type { Verdict } from './verdict.ts';
import type { Refusal } from '../limit-kind.ts';
import type { ImpairMissing } from './impair-missing.ts';

/** A catalog entry as the page shows it: with what it expects, in words. */
export interface ScenarioSummary extends ScenarioEntry {
  expects: { text: string; on: 'steps' | 'packets'; optional?: boolean }[];
  /** Listed but cannot run on this server: what is missing (impaired-link scenarios only). */
  unavailable?: ImpairMissing;
}

export interface RunScenarioRequest {
  id: ScenarioId;
  /** Clients of `concurrent` only (1 to CONCURRENT_MAX). */
  clients?: number;
}

export type RunScenarioResult =
  { ok: true; runId: string; state: 'queued' | 'running'; position: number } | Refusal;

export type ScenarioState =
  | 'queued' // waiting for the run before it to finish
  | 'running' // playing now; its records are arriving in the live session
  | 'done'; // finished: verdict (and error, if it could not play to its end) attached

export interface ScenarioStatus {
  runId: string;
  id: ScenarioId;
  state: ScenarioState;
  /** Runs ahead of this one (0 when it is next or running). */
  position: number;
  /** Microseconds since the epoch, once it ran. */
  startTime?: number;
  endTime?: number;
  /** Its conversations in the live session, in the order it opened them (when done). */
  convs?: string[];
  verdict?: Verdict;
  error?: string;
}

/** Answer to the `scenarios` request: the catalog and the runs queued or running now. */
export interface ScenarioCatalog {
  scenarios: ScenarioSummary[];
  runs: ScenarioStatus[];
}
