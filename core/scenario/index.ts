/** Public API of the scenario catalog: ids, entries, expectations, verdict and formatting. */
export { SCENARIO_IDS, isScenarioId, type ScenarioId } from './scenario-id.ts';
export { SCENARIOS, scenarioEntry, type ScenarioEntry } from './scenario-catalog.ts';
export { expectationsFor, clientsOf, type ScenarioParams } from './scenario-expectations.ts';
export type * from './expectation.ts';
export { describeExpectation } from './describe-expectation.ts';
export type { RunTimeline } from './run-timeline.ts';
export {
  judgeRun,
  type Verdict,
  type CheckResult,
  type CheckStatus,
  type VerdictOutcome,
} from './verdict.ts';
export { textLadder } from './text-ladder.ts';
export { timelineJson, type StepJson } from './timeline-json.ts';
export type * from './scenario-status.ts';
export { scenarioSummaries } from './scenario-summaries.ts';
