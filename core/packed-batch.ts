/**
 * The compact wire form of a batch of records and the summaries they changed, made once per batch
 * for every viewer of a session: each object's keys travel once per shape, each string and each
 * nested object (an endpoint, a preview) once per batch, and the records' numbers and times as
 * differences from the one before. A batch of UDP steps takes about a tenth of its JSON.
 * Lossless: unpacking gives back equal objects, keys in the same order, none shared by two
 * records.
 */
import type { ConversationSummary } from './analysis/conversation-summary.ts';
import type { SessionRecord } from './records.ts';

// Made by packBatch (pack-batch.ts) on the server, read by unpackBatch (unpack-batch.ts) in the page.

/**
 * How a value travels, the first character of each key in a shape:
 * 's' a string, as its index in `strings`; 'o' an object, as its index in `objects`; 'a' a list
 * of objects, as a list of such indexes; 'c' a record's `recNo` or `time`, from its column; 'v'
 * anything else, as it is.
 */
export type Tag = 's' | 'o' | 'a' | 'c' | 'v';

/** A packed object: its shape's index, then its values in the shape's order. */
export type PackedRow = unknown[];

export interface PackedBatch {
  /** Record numbers: the first, then each one's difference from the one before. */
  recNo: number[];
  /** Record times (µs): the same way, or as they are when `timeAbsolute`. */
  time: number[];
  /** Set when a time was not a whole number, so differences could round. */
  timeAbsolute?: true;
  /** Every string the batch holds, once. */
  strings: string[];
  /** Each shape: its keys in order, each led by its tag. */
  shapes: string[][];
  /** Every nested object the batch holds, once; an object's own objects come before it. */
  objects: PackedRow[];
  records: PackedRow[];
  summaries: PackedRow[];
}

export interface Batch {
  records: SessionRecord[];
  summaries: ConversationSummary[];
}
