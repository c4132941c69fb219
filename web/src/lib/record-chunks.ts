/**
 * Records in record-number order in fixed-size chunks: appending never copies what is held, and
 * dropping the oldest drops whole chunks, so both cost O(records moved), never O(records held).
 */
import type { SessionRecord } from '../../../core/protocol.ts';

const CHUNK = 4096;

export class RecordChunks {
  #chunks: SessionRecord[][] = [];
  /** Index in the first chunk of the oldest record held. */
  #head = 0;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** The record at index `i` (0 = oldest held), or undefined outside. */
  at(i: number): SessionRecord | undefined {
    if (i < 0 || i >= this.#length) return undefined;
    const k = this.#head + i;
    return this.#chunks[Math.floor(k / CHUNK)]![k % CHUNK];
  }

  /** Puts `r` in place of the record at index `i` (0 ≤ i < length). */
  set(i: number, r: SessionRecord): void {
    const k = this.#head + i;
    this.#chunks[Math.floor(k / CHUNK)]![k % CHUNK] = r;
  }

  push(r: SessionRecord): void {
    let last = this.#chunks[this.#chunks.length - 1];
    if (!last || last.length === CHUNK) this.#chunks.push((last = []));
    last.push(r);
    this.#length++;
  }

  /** Removes the oldest record and returns it. */
  shift(): SessionRecord | undefined {
    const first = this.#chunks[0];
    if (!first || this.#length === 0) return undefined;
    const r = first[this.#head];
    first[this.#head] = undefined as unknown as SessionRecord; // let it be collected
    this.#head++;
    this.#length--;
    if (this.#head === CHUNK || this.#length === 0) {
      this.#chunks.shift(); // at most max/CHUNK chunks: a short array
      this.#head = 0;
      if (this.#length === 0) this.#chunks = [];
    }
    return r;
  }

  /** Records i…j-1 (clamped) as a new array. */
  slice(i = 0, j = this.#length): SessionRecord[] {
    const from = Math.max(0, i);
    const to = Math.min(this.#length, j);
    const out: SessionRecord[] = [];
    for (let n = from; n < to; n++) out.push(this.at(n)!);
    return out;
  }

  clear(): void {
    this.#chunks = [];
    this.#head = 0;
    this.#length = 0;
  }
}
