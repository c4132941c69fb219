/** Which kinds of record the ladder and the table show: packets, socket calls, or both. */
import type { SessionRecord } from '../../../core/protocol.ts';

export type ShowFilter =
  | 'both' // packets and socket calls on one axis
  | 'packets' // captured packets only
  | 'steps'; // socket calls only

export const SHOW_FILTERS: readonly ShowFilter[] = ['both', 'packets', 'steps'];

export function isShowFilter(text: string): text is ShowFilter {
  return (SHOW_FILTERS as readonly string[]).includes(text);
}

export function showsRecord(r: SessionRecord, show: ShowFilter): boolean {
  if (show === 'both') return true;
  return show === 'packets' ? r.type === 'packet' : r.type === 'step';
}
