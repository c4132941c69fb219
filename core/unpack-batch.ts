/**
 * Unpacking a batch from its wire form (packed-batch.ts) in the page: equal objects, keys in the
 * same order, none shared by two records; a batch not laid out as packBatch makes them throws
 * (the page counts it as a gap and rejoins).
 */
import type { ConversationSummary } from './analysis/conversation-summary.ts';
import type { Batch, PackedBatch, PackedRow, Tag } from './packed-batch.ts';
import type { SessionRecord } from './records.ts';

/** Unpacks a batch (in the page); throws on one that is not laid out as packBatch makes them. */
export function unpackBatch(p: PackedBatch): Batch {
  const n = p.records.length;
  if (p.recNo.length !== n || p.time.length !== n) throw new Error('packed batch: columns differ');
  const shapes = p.shapes.map((keys) => ({
    names: keys.map((k) => k.slice(1)),
    tags: keys.map((k) => k[0] as Tag),
    /** Length of a row of this shape: its index and every value not from a column. */
    width: 1 + keys.filter((k) => k[0] !== 'c').length,
  }));
  const column = { recNo: 0, time: 0 };
  /** Builds a row; the objects it names must come before `below` (no cycle can be sent). */
  const build = (row: PackedRow, below: number): Record<string, unknown> => {
    const shape = Array.isArray(row) ? shapes[row[0] as number] : undefined;
    if (!shape) throw new Error('packed batch: a row has no shape');
    if (row.length !== shape.width) throw new Error('packed batch: a row does not fit its shape');
    const o: Record<string, unknown> = {};
    const object = (i: unknown) => {
      if (typeof i !== 'number' || !(i >= 0 && i < below))
        throw new Error(`packed batch: no object ${String(i)} here`);
      return build(p.objects[i]!, i);
    };
    let at = 1;
    for (let k = 0; k < shape.names.length; k++) {
      const name = shape.names[k]!;
      const tag = shape.tags[k];
      if (tag === 'c') o[name] = column[name as keyof typeof column];
      else if (tag === 's') o[name] = stringAt(p.strings, row[at++]);
      else if (tag === 'o') o[name] = object(row[at++]);
      else if (tag === 'a') o[name] = listAt(row[at++]).map(object);
      else o[name] = row[at++];
    }
    return o;
  };
  const all = p.objects.length;
  const records = new Array<SessionRecord>(n);
  for (let i = 0; i < n; i++) {
    column.recNo += p.recNo[i]!;
    column.time = p.timeAbsolute ? p.time[i]! : column.time + p.time[i]!;
    records[i] = build(p.records[i]!, all) as unknown as SessionRecord;
  }
  const summaries = p.summaries.map((row) => build(row, all) as unknown as ConversationSummary);
  return { records, summaries };
}

function listAt(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new Error('packed batch: a list of objects is not a list');
  return v as unknown[];
}

function stringAt(strings: string[], i: unknown): string {
  const s = strings[i as number];
  if (s === undefined) throw new Error(`packed batch: no string ${String(i)}`);
  return s;
}
