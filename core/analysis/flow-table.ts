/**
 * The bounded set of tracked flows, least recently used first. Flows closed for longer than
 * CLOSED_LINGER_US of capture time are dropped, and past `maxFlows` the least recently used go.
 * A flow is found by its number (flowHash) and then its endpoints: no key string per packet.
 */
import type { Transport } from '../types.ts';
import type { FlowRecord } from './flow-record.ts';
import { TIME_WAIT_US } from './tcp-state.ts';

/** A closed flow stays this long (capture time) so late retransmissions still find it. */
export const CLOSED_LINGER_US = 2 * TIME_WAIT_US;

/** The two ends of a flow as a packet names them (a caller's object, filled for each packet). */
export interface FlowEnds {
  transport: Transport;
  srcAddress: string;
  sport: number;
  dstAddress: string;
  dport: number;
}

/** Whether `rec` is the flow between these two ends, in either direction. */
function isFlow(rec: FlowRecord, e: FlowEnds): boolean {
  const { client: c, server: s } = rec.summary;
  if (rec.summary.transport !== e.transport) return false;
  if (
    c.port === e.sport &&
    s.port === e.dport &&
    c.address === e.srcAddress &&
    s.address === e.dstAddress
  )
    return true;
  return (
    c.port === e.dport &&
    s.port === e.sport &&
    c.address === e.dstAddress &&
    s.address === e.srcAddress
  );
}

/** The ends of a flow being put in (filled for each: no object per new flow). */
const putEnds: FlowEnds = { transport: 'tcp', srcAddress: '', sport: 0, dstAddress: '', dport: 0 };

export class FlowTable {
  /** The first flow of each number; the others with that number follow through `sameKey`. */
  readonly #flows = new Map<number, FlowRecord>();
  #size = 0;
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
    return this.#size;
  }

  /** The flow between the two ends (`key` is their flowHash), marked as just used. */
  touch(key: number, ends: FlowEnds): FlowRecord | undefined {
    const rec = this.peek(key, ends);
    if (rec && rec !== this.#newest) {
      this.#unlink(rec);
      this.#append(rec);
    }
    return rec;
  }

  /** Look without marking as used. */
  peek(key: number, ends: FlowEnds): FlowRecord | undefined {
    let rec = this.#flows.get(key);
    while (rec && !isFlow(rec, ends)) rec = rec.sameKey;
    return rec;
  }

  /** Put `rec` in (replacing and retiring any flow between the same ends), then enforce the cap. */
  put(rec: FlowRecord): void {
    const { transport, client: c, server: s } = rec.summary;
    const ends = putEnds;
    ends.transport = transport;
    ends.srcAddress = c.address;
    ends.sport = c.port;
    ends.dstAddress = s.address;
    ends.dport = s.port;
    const old = this.peek(rec.key, ends);
    if (old) this.#drop(old);
    rec.sameKey = this.#flows.get(rec.key);
    this.#flows.set(rec.key, rec);
    this.#size++;
    this.#append(rec);
    while (this.#size > this.#maxFlows && this.#oldest) this.#drop(this.#oldest);
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
    const first = this.#flows.get(rec.key);
    if (first === rec) {
      if (rec.sameKey) this.#flows.set(rec.key, rec.sameKey);
      else this.#flows.delete(rec.key);
    } else {
      let before = first;
      while (before && before.sameKey !== rec) before = before.sameKey;
      if (before) before.sameKey = rec.sameKey;
    }
    rec.sameKey = undefined;
    this.#size--;
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
