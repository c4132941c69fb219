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
    if (rec) {
      this.#flows.delete(key);
      this.#flows.set(key, rec);
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
    if (old) {
      this.#flows.delete(rec.key);
      this.#onEvict(old);
    }
    this.#flows.set(rec.key, rec);
    for (const [key, lru] of this.#flows) {
      if (this.#flows.size <= this.#maxFlows) break;
      this.#flows.delete(key);
      this.#onEvict(lru);
    }
  }

  /** Drop flows closed for longer than CLOSED_LINGER_US before `now`. */
  sweep(now: number): void {
    for (const [key, rec] of this.#flows) {
      if (rec.closedAt !== undefined && now - rec.closedAt > CLOSED_LINGER_US) {
        this.#flows.delete(key);
        this.#onEvict(rec);
      }
    }
  }

  values(): IterableIterator<FlowRecord> {
    return this.#flows.values();
  }
}
