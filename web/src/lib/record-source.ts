/**
 * Records read by index instead of held as one array of objects: a capture file of a million
 * packets keeps them in columns and makes record objects only for the rows asked for. Views read
 * `length` and `at(i)`; `slice` materialises a window.
 */
import type { SessionRecord } from '../../../core/protocol.ts';

export interface RecordSource {
  /** Records held, numbered 0…length-1 here (their record numbers are their own). */
  readonly length: number;
  /** The record at index `i` (0 ≤ i < length), made on demand; a new object each call. */
  at(i: number): SessionRecord;
}

/** Records start…end-1 (clamped) as an array, for views that still take arrays. */
export function sliceRecords(src: RecordSource, start: number, end: number): SessionRecord[] {
  const from = Math.max(0, Math.min(src.length, start));
  const to = Math.max(from, Math.min(src.length, end));
  const out = new Array<SessionRecord>(to - from);
  for (let i = from; i < to; i++) out[i - from] = src.at(i);
  return out;
}

/** An array seen as a RecordSource (live sessions, tests). */
export function arrayRecords(records: readonly SessionRecord[]): RecordSource {
  return { length: records.length, at: (i) => records[i]! };
}
