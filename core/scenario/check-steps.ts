/** Evaluates the socket-step expectations of a scenario against a run. */
import type { SocketStep } from '../records.ts';
import type { StepExpectation } from './expectation.ts';
import { convsInScope, type RunTimeline } from './run-timeline.ts';
import { VERDICT_WORDS_EN, type VerdictWords } from './verdict-words.ts';

/** Met (with an optional note), or not met with what was seen instead. */
export type CheckOutcome = { met: true; detail?: string } | { met: false; detail: string };

export function checkSteps(
  e: StepExpectation,
  t: RunTimeline,
  w: VerdictWords = VERDICT_WORDS_EN,
): CheckOutcome {
  if (e.check === 'conversations') {
    return t.convs.length === e.count
      ? { met: true }
      : { met: false, detail: w.sawConvs(t.convs.length) };
  }
  const convs = convsInScope(t, e.conv);
  if (convs.length === 0) return { met: false, detail: w.noSuchConv };
  for (const [i, conv] of convs.entries()) {
    const steps = t.steps.filter((s) => s.conv === conv && s.side === e.side);
    const miss = checkOne(e, steps, w);
    if (miss) {
      const which = convs.length > 1 ? w.convPrefix(i + 1) : '';
      return { met: false, detail: which + miss };
    }
  }
  return { met: true };
}

function checkOne(e: StepExpectation, steps: SocketStep[], w: VerdictWords): string | null {
  switch (e.check) {
    case 'steps': {
      const kinds = steps.map((s) => s.kind);
      return isSubsequence(e.kinds, kinds) ? null : w.sawSteps(e.side, kinds);
    }
    case 'step-error': {
      const codes = steps.filter((s) => s.kind === 'error').map((s) => s.code ?? '?');
      if (codes.includes(e.code)) return null;
      return codes.length ? w.sawCodes(codes) : w.sawNoError(e.side);
    }
    case 'no-step': {
      const n = steps.filter((s) => s.kind === e.kind).length;
      return n === 0 ? null : w.sawStepTimes(e.kind, n);
    }
    case 'step-count': {
      const n = steps.filter((s) => s.kind === e.kind).length;
      return n >= e.min && (e.max === undefined || n <= e.max) ? null : w.saw(n);
    }
    case 'bytes': {
      const n = steps.filter((s) => s.kind === e.kind).reduce((sum, s) => sum + s.bytes, 0);
      return n === e.total ? null : w.sawBytes(n);
    }
    case 'conversations':
      return null;
  }
}

/** `want` appears in `seen` in order, other items allowed in between. */
export function isSubsequence<T>(want: readonly T[], seen: readonly T[]): boolean {
  let i = 0;
  for (const s of seen) if (i < want.length && s === want[i]) i++;
  return i === want.length;
}
