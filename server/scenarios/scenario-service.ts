/** The scenarios as the page server offers them: the catalog, and one queue over the lab. */
import type { ScenarioParams } from '../../core/scenario/scenario-expectations.ts';
import type { ScenarioId } from '../../core/scenario/scenario-id.ts';
import type {
  RunScenarioResult,
  ScenarioCatalog,
  ScenarioStatus,
} from '../../core/scenario/scenario-status.ts';
import { scenarioSummaries } from '../../core/scenario/scenario-summaries.ts';
import { scenarioEntry } from '../../core/scenario/scenario-catalog.ts';
import { IMPAIR_MISSING_TEXT } from '../../core/scenario/impair-missing.ts';
import { impairSupport, type ImpairSupport } from '../impair/impair-support.ts';
import { runScenario, type ScenarioEnv } from './run-scenario.ts';
import { ScenarioQueue, type QueueLimits } from './scenario-queue.ts';

export interface ScenarioService {
  catalog(): ScenarioCatalog;
  enqueue(id: ScenarioId, params: ScenarioParams, owner: string): RunScenarioResult;
  onStatus(listener: (s: ScenarioStatus) => void): () => void;
  close(): Promise<void>;
}

/** `support`: whether impaired links work here (checked once, at start, by default). */
export function createScenarioService(
  env: ScenarioEnv,
  limits?: QueueLimits,
  support: ImpairSupport = impairSupport(),
): ScenarioService {
  const queue = new ScenarioQueue((id, params) => runScenario(id, env, params), limits);
  const missing = support.ok ? undefined : support.missing;
  const scenarios = scenarioSummaries(missing);
  return {
    catalog: () => ({ scenarios, runs: queue.statuses() }),
    enqueue: (id, params, owner) =>
      missing && scenarioEntry(id).impaired
        ? { ok: false, error: IMPAIR_MISSING_TEXT[missing] }
        : queue.enqueue(id, params, owner),
    onStatus: (l) => queue.onStatus(l),
    close: () => queue.close(),
  };
}
