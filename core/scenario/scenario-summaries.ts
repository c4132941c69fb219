/** The catalog with each scenario's expectations in words, as the page and --list show it. */
import { SCENARIOS } from './scenario-catalog.ts';
import { describeExpectation } from './describe-expectation.ts';
import { isStepExpectation } from './expectation.ts';
import { expectationsFor } from './scenario-expectations.ts';
import type { ScenarioSummary } from './scenario-status.ts';
import type { ImpairMissing } from './impair-missing.ts';

/** `impairMissing`: what this server lacks for impaired links, if anything. */
export function scenarioSummaries(impairMissing?: ImpairMissing): ScenarioSummary[] {
  return SCENARIOS.map((s) => ({
    ...(s.impaired && impairMissing ? { unavailable: impairMissing } : {}),
    ...s,
    description: [...s.description],
    expects: expectationsFor(s.id).map((e) => ({
      text: describeExpectation(e),
      on: isStepExpectation(e) ? 'steps' : 'packets',
      ...(e.optional ? { optional: true } : {}),
    })),
  }));
}
