/**
 * The verdict of a run: each expectation met, differing or not checked (packets without capture),
 * and one summary line saying "as expected" or pointing at the first difference.
 */
import { checkPackets } from './check-packets.ts';
import { checkSteps } from './check-steps.ts';
import { describeExpectation } from './describe-expectation.ts';
import { isStepExpectation, type Expectation } from './expectation.ts';
import type { RunTimeline } from './run-timeline.ts';

export type CheckStatus =
  | 'met' // seen as expected
  | 'differs' // seen otherwise (detail says what)
  | 'unchecked'; // packets were not captured

export interface CheckResult {
  /** What was expected, in words. */
  text: string;
  on: 'steps' | 'packets';
  status: CheckStatus;
  /** What was seen: the difference, or a short note when met. */
  detail?: string;
  /** An optional expectation never makes the run differ. */
  optional?: boolean;
}

export type VerdictOutcome =
  | 'as-expected' // every required check that ran was met
  | 'differs'; // at least one required check saw something else

export interface Verdict {
  outcome: VerdictOutcome;
  summary: string;
  checks: CheckResult[];
}

export function judgeRun(expects: readonly Expectation[], t: RunTimeline): Verdict {
  const checks = expects.map((e): CheckResult => {
    const on: CheckResult['on'] = isStepExpectation(e) ? 'steps' : 'packets';
    const base = { text: describeExpectation(e), on, ...(e.optional ? { optional: true } : {}) };
    if (!isStepExpectation(e) && !t.captured) return { ...base, status: 'unchecked' };
    const r = isStepExpectation(e) ? checkSteps(e, t) : checkPackets(e, t);
    // Missing packets can explain a difference: say so rather than blame the scenario.
    if (!r.met && on === 'packets' && t.captureGaps) {
      return { ...base, status: 'unchecked', detail: `${t.captureGaps}; ${r.detail}` };
    }
    return {
      ...base,
      status: r.met ? 'met' : 'differs',
      ...(r.detail ? { detail: r.detail } : {}),
    };
  });
  const failed = checks.filter((c) => c.status === 'differs' && !c.optional);
  const outcome: VerdictOutcome = failed.length ? 'differs' : 'as-expected';
  return { outcome, summary: summarize(checks, failed, t.captureGaps), checks };
}

function summarize(checks: CheckResult[], failed: CheckResult[], gaps?: string): string {
  const unchecked = checks.filter((c) => c.status === 'unchecked').length;
  const notRun = unchecked
    ? ` ${unchecked} packet expectation(s) not checked: ${gaps ?? 'capture was off'}.`
    : '';
  if (failed.length) {
    const first = failed[0]!;
    const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : '';
    // Packet details already say "expected … saw …"; others say only what was seen.
    const what = first.detail?.startsWith('expected')
      ? first.detail
      : `expected ${first.text}; ${first.detail ?? 'not seen'}`;
    return `Differs: ${what}${more}.${notRun}`;
  }
  const ran = checks.length - unchecked;
  // An optional check that differs is still said: "as expected" alone would contradict it.
  const optional = checks.filter((c) => c.status === 'differs').length;
  const aside = optional ? `, with ${optional} optional difference${optional > 1 ? 's' : ''}` : '';
  return `As expected${aside} (${ran} of ${checks.length} checks ran).${notRun}`;
}
