/**
 * Packing a batch of records and summaries into its wire form (packed-batch.ts), once per batch
 * on the server for every viewer of a session: keys once per shape, strings and nested objects
 * once per batch (the same endpoint or preview in many records is one entry), numbers and times
 * as differences.
 */
import type { ConversationSummary } from './analysis/conversation-summary.ts';
import type { PackedBatch, PackedRow, Tag } from './packed-batch.ts';
import type { SessionRecord } from './records.ts';

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
