/**
 * The bounded set of tracked flows, least recently used first. Flows closed for longer than
 * CLOSED_LINGER_US of capture time are dropped, and past `maxFlows` the least recently used go.
 */
import type { FlowRecord } from './flow-record.ts';
import { TIME_WAIT_US } from './tcp-state.ts';

/** A closed flow stays this long (capture time) so late retransmissions still find it. */
export const CLOSED_LINGER_US = 2 * TIME_WAIT_US;

export class FlowTable {
  readonly #flows = new Map<string, FlowRecord>();
  readonly #maxFlows: number;
  readonly #onEvict: (rec: FlowRecord) => void;
  /** Use order as a list through the records (least recently used first): moving a flow to the
   * end on every packet costs two pointer swaps instead of a Map delete and insert. */
  #oldest: FlowRecord | undefined;
  #newest: FlowRecord | undefined;

  constructor(maxFlows: number, onEvict: (rec: FlowRecord) => void) {
    this.#maxFlows = maxFlows;
    this.#onEvict = onEvict;
  }

  get size(): number {
    return this.#flows.size;
  }

  /** The flow under `key`, marked as just used. */
  touch(key: string): FlowRecord | undefined {
    const rec = this.#flows.get(key);
    if (rec && rec !== this.#newest) {
      this.#unlink(rec);
      this.#append(rec);
    }
    return rec;
  }

  /** Look without marking as used. */
  peek(key: string): FlowRecord | undefined {
    return this.#flows.get(key);
  }

  /** Put `rec` in (replacing and retiring any flow with the same key), then enforce the cap. */
  put(rec: FlowRecord): void {
    const old = this.#flows.get(rec.key);
    if (old) this.#drop(old);
    this.#flows.set(rec.key, rec);
    this.#append(rec);
    while (this.#flows.size > this.#maxFlows && this.#oldest) this.#drop(this.#oldest);
  }

  /** Drop flows closed for longer than CLOSED_LINGER_US before `now`. */
  sweep(now: number): void {
    for (let rec = this.#oldest; rec;) {
      const next = rec.newer;
      if (rec.closedAt !== undefined && now - rec.closedAt > CLOSED_LINGER_US) this.#drop(rec);
      rec = next;
    }
  }

  /** Flows from least to most recently used. */
  *values(): IterableIterator<FlowRecord> {
    for (let rec = this.#oldest; rec; rec = rec.newer) yield rec;
  }

  #drop(rec: FlowRecord): void {
    this.#unlink(rec);
    this.#flows.delete(rec.key);
    this.#onEvict(rec);
  }

  #append(rec: FlowRecord): void {
    rec.older = this.#newest;
    rec.newer = undefined;
    if (this.#newest) this.#newest.newer = rec;
    else this.#oldest = rec;
    this.#newest = rec;
  }

  #unlink(rec: FlowRecord): void {
    if (rec.older) rec.older.newer = rec.newer;
    else this.#oldest = rec.newer;
    if (rec.newer) rec.newer.older = rec.older;
    else this.#newest = rec.older;
    rec.older = rec.newer = undefined;
  }
}
