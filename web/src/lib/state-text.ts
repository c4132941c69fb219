/** How a TCP state reads in the ladder and the table: TIME_WAIT with its countdown to CLOSED. */
import type { TcpState } from '../../../core/analysis/packet-analysis.ts';
import { timeWaitLeft } from '../../../core/analysis/index.ts';
import { isMessageKey, t } from './messages.ts';

export interface StateText {
  text: string;
  /** Hover text ('' when there is nothing to add). */
  title: string;
  /** TIME_WAIT still running at `now`. */
  counting: boolean;
}

/** Why a later packet corrected a side to `state` (refused: CLOSED; SYN sent again: LISTEN…). */
export function correctionText(state: TcpState): string {
  const key = `state.corrected.${state}`;
  return isMessageKey(key) ? t(key) : t('state.corrected');
}

/**
 * `TIME_WAIT 42 s` while 2×MSL lasts (counted from `since`, µs), `CLOSED` after (the
 * hover says TIME_WAIT is over); other states as they are. Derived states say so on hover,
 * and so do states a later packet corrected (`corrected`), with the reason.
 */
export function stateText(
  state: TcpState,
  since: number | undefined,
  now: number,
  derived = false,
  corrected = false,
): StateText {
  const why = derived ? t('state.derived') : corrected ? correctionText(state) : '';
  if (state !== 'TIME_WAIT' || since === undefined)
    return { text: state, title: why, counting: false };
  const left = timeWaitLeft(since, now);
  const s = Math.ceil(left / 1e6);
  if (left <= 0)
    return {
      text: 'CLOSED',
      title: [t('state.timeWaitOver'), why].filter(Boolean).join('\n'),
      counting: false,
    };
  const title = [t('state.timeWaitLeft.title', { s }), why].filter(Boolean).join('\n');
  return { text: `${state} ${t('state.timeWaitLeft', { s })}`, title, counting: true };
}
