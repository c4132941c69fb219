/**
 * The verdict of a run: each expectation met, differing or not checked (packets without capture),
 * and one summary line saying "as expected" or pointing at the first difference, in English and
 * Simplified Chinese.
 */
import { checkPackets } from './check-packets.ts';
import { checkSteps } from './check-steps.ts';
import { describeExpectation } from './describe-expectation.ts';
import { isStepExpectation, type Expectation } from './expectation.ts';
import type { RunTimeline } from './run-timeline.ts';
import { captureGaps } from './capture-caught-up.ts';
import { VERDICT_WORDS_EN, type VerdictWords } from './verdict-words.ts';
import { VERDICT_WORDS_ZH } from './verdict-words-zh.ts';

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

/** A verdict's words in another language, check by check in the same order. */
export interface VerdictText {
  summary: string;
  checks: { text: string; detail?: string }[];
}

export interface Verdict {
  outcome: VerdictOutcome;
  summary: string;
  checks: CheckResult[];
  /** The same verdict in Simplified Chinese (always set by `judgeRun`). */
  zh?: VerdictText;
}

export function judgeRun(expects: readonly Expectation[], t: RunTimeline): Verdict {
  const { outcome, summary, checks } = judgeIn(expects, t, VERDICT_WORDS_EN, t.captureGaps);
  const gapsZh = t.captureGaps && (captureGaps(t, VERDICT_WORDS_ZH) ?? t.captureGaps);
  const zh = judgeIn(expects, t, VERDICT_WORDS_ZH, gapsZh);
  const words = (c: CheckResult) => ({ text: c.text, ...(c.detail ? { detail: c.detail } : {}) });
  return { outcome, summary, checks, zh: { summary: zh.summary, checks: zh.checks.map(words) } };
}

function judgeIn(
  expects: readonly Expectation[],
  t: RunTimeline,
  w: VerdictWords,
  gaps: string | undefined,
): Omit<Verdict, 'zh'> {
  const checks = expects.map((e): CheckResult => {
    const on: CheckResult['on'] = isStepExpectation(e) ? 'steps' : 'packets';
    const base = {
      text: describeExpectation(e, w),
      on,
      ...(e.optional ? { optional: true } : {}),
    };
    if (!isStepExpectation(e) && !t.captured) return { ...base, status: 'unchecked' };
    const r = isStepExpectation(e) ? checkSteps(e, t, w) : checkPackets(e, t, w);
    // Missing packets can explain a difference: say so rather than blame the scenario.
    if (!r.met && on === 'packets' && gaps) {
      return { ...base, status: 'unchecked', detail: w.gapAndDetail(gaps, r.detail) };
    }
    return {
      ...base,
      status: r.met ? 'met' : 'differs',
      ...(r.detail ? { detail: r.detail } : {}),
    };
  });
  const failed = checks.filter((c) => c.status === 'differs' && !c.optional);
  const outcome: VerdictOutcome = failed.length ? 'differs' : 'as-expected';
  return { outcome, summary: summarize(checks, failed, w, gaps), checks };
}

function summarize(
  checks: CheckResult[],
  failed: CheckResult[],
  w: VerdictWords,
  gaps?: string,
): string {
  const unchecked = checks.filter((c) => c.status === 'unchecked').length;
  const notRun = w.notChecked(unchecked, gaps);
  if (failed.length) {
    const first = failed[0]!;
    // Packet details already say "expected … saw …"; others say only what was seen.
    const what =
      first.detail && w.saysExpected(first.detail)
        ? first.detail
        : w.expectedButSaw(first.text, first.detail);
    return w.differs(what, failed.length - 1, notRun);
  }
  const ran = checks.length - unchecked;
  // An optional check that differs is still said: "as expected" alone would contradict it.
  const optional = checks.filter((c) => c.status === 'differs').length;
  return w.asExpected(optional, ran, checks.length, notRun);
}
