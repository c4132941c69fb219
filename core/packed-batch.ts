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

/**
 * How a value travels, the first character of each key in a shape:
 * 's' a string, as its index in `strings`; 'o' an object, as its index in `objects`; 'a' a list
 * of objects, as a list of such indexes; 'c' a record's `recNo` or `time`, from its column; 'v'
 * anything else, as it is.
 */
type Tag = 's' | 'o' | 'a' | 'c' | 'v';

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

/** Packs one batch (on the server, once for all its viewers). */
export function packBatch(
  records: readonly SessionRecord[],
  summaries: readonly ConversationSummary[],
): PackedBatch {
  const p = new Packer();
  const recNo: number[] = [];
  const time: number[] = [];
  let exact = true;
  let lastNo = 0;
  let lastTime = 0;
  const rows = records.map((r) => {
    recNo.push(r.recNo - lastNo);
    time.push(r.time - lastTime);
    exact &&= Number.isSafeInteger(r.time);
    lastNo = r.recNo;
    lastTime = r.time;
    return p.row(r, true);
  });
  return {
    recNo,
    time: exact ? time : records.map((r) => r.time),
    ...(exact ? {} : { timeAbsolute: true as const }),
    strings: p.strings,
    shapes: p.shapes,
    objects: p.objects,
    records: rows,
    summaries: summaries.map((s) => p.row(s, false)),
  };
}

class Packer {
  strings: string[] = [];
  shapes: string[][] = [];
  objects: PackedRow[] = [];
  #stringIndex = new Map<string, number>();
  #shapeIndex = new Map<string, number>();
  #objectIndex = new Map<string, number>();

  row(o: object, record: boolean): PackedRow {
    const keys: string[] = [];
    const values: unknown[] = [0];
    const fields = o as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const v = fields[key];
      if (v === undefined) continue; // as JSON leaves it out
      const tag = tagOf(key, v, record);
      keys.push(tag + key);
      if (tag === 's') values.push(this.#string(v as string));
      else if (tag === 'o') values.push(this.#object(v as object));
      else if (tag === 'a') values.push((v as object[]).map((x) => this.#object(x)));
      else if (tag === 'v') values.push(v);
    }
    values[0] = this.#shape(keys);
    return values;
  }

  #object(o: object): number {
    const row = this.row(o, false);
    const id = JSON.stringify(row);
    let i = this.#objectIndex.get(id);
    if (i === undefined) {
      i = this.objects.push(row) - 1;
      this.#objectIndex.set(id, i);
    }
    return i;
  }

  #string(s: string): number {
    let i = this.#stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.push(s) - 1;
      this.#stringIndex.set(s, i);
    }
    return i;
  }

  #shape(keys: string[]): number {
    const id = keys.join('\n');
    let i = this.#shapeIndex.get(id);
    if (i === undefined) {
      i = this.shapes.push(keys) - 1;
      this.#shapeIndex.set(id, i);
    }
    return i;
  }
}

function tagOf(key: string, v: unknown, record: boolean): Tag {
  if (record && (key === 'recNo' || key === 'time') && typeof v === 'number') return 'c';
  if (typeof v === 'string') return 's';
  if (isObject(v)) return 'o';
  if (Array.isArray(v) && v.length > 0 && v.every(isObject)) return 'a';
  return 'v';
}

function isObject(v: unknown): v is object {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

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
