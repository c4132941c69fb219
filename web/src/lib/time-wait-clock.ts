/**
 * The time TIME_WAIT counts down against. Live, the wall clock. In a capture file, the capture's
 * own time at its last record: TIME_WAIT is "over → CLOSED" only once 2×MSL of capture time has
 * passed after the packet that started it, never because the file is opened later.
 */
import type { SessionRecord } from '../../../core/records.ts';

export function timeWaitClock(
  live: boolean,
  wallNowUs: number,
  records: readonly SessionRecord[],
): number {
  if (live) return wallNowUs;
  let last = 0;
  // Records are in capture order; steps and packets share the µs axis.
  for (let i = records.length - 1; i >= 0 && i >= records.length - 64; i--)
    last = Math.max(last, records[i]!.time);
  return last;
}
