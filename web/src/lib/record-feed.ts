/**
 * The page's copy of a live session: records in record-number order with no gap and no duplicate, at most
 * `maxRecords` of them. Says when the page must join again (a gap in the numbering).
 */
import type { CorrectionBatch, SessionRecord } from '../../../core/protocol.ts';

export interface FeedChange {
  /** The records array was replaced. */
  changed: boolean;
  /** A record is missing: join again with `after = lastRecNo`. */
  rejoin: boolean;
}

export class RecordFeed {
  records: readonly SessionRecord[] = [];
  lastRecNo = 0;
  maxRecords: number;
  #joining = false;
  #queue: SessionRecord[][] = [];

  constructor(maxRecords: number) {
    this.maxRecords = Math.max(1, maxRecords);
  }

  get joining(): boolean {
    return this.#joining;
  }

  /** Marks a join as under way and returns the `after` to ask for. */
  beginJoin(): number {
    this.#joining = true;
    this.#queue = [];
    return this.lastRecNo;
  }

  /** Forgets everything (the server started a new session): the next join asks for all. */
  reset(): void {
    this.records = [];
    this.lastRecNo = 0;
    this.#joining = false;
    this.#queue = [];
  }

  /** A join failed or was cut off: batches seen meanwhile are dropped, the next join covers them. */
  abortJoin(): void {
    this.#joining = false;
    this.#queue = [];
  }

  /** Applies a join answer, then the batches that came while it was on its way. */
  endJoin(records: readonly SessionRecord[], gap: boolean, sessionLastRecNo: number): FeedChange {
    this.#joining = false;
    let change: FeedChange;
    if (sessionLastRecNo < this.lastRecNo) {
      // The server started over (restarted): its numbers begin again from 1.
      this.records = [];
      this.lastRecNo = 0;
      this.#queue = [];
      return { changed: true, rejoin: true };
    }
    const first = records[0];
    if (gap || (first !== undefined && first.recNo > this.lastRecNo + 1)) {
      this.records = [];
      this.lastRecNo = first ? first.recNo - 1 : sessionLastRecNo;
      change = { changed: true, rejoin: false };
      const rest = this.#append(records);
      change.rejoin = rest.rejoin;
    } else {
      change = this.#append(records);
    }
    const queued = this.#queue;
    this.#queue = [];
    for (const batch of queued) {
      if (change.rejoin) break;
      const c = this.#append(batch);
      change = { changed: change.changed || c.changed, rejoin: c.rejoin };
    }
    return change;
  }

  /** Applies a pushed batch; while a join is under way it waits for the answer. */
  batch(records: readonly SessionRecord[]): FeedChange {
    if (this.#joining) {
      this.#queue.push([...records]);
      return { changed: false, rejoin: false };
    }
    return this.#append(records);
  }

  /**
   * Replaces the analysis of packet records held (a later packet proved their states wrong).
   * Records not held are skipped: a later join brings them already corrected.
   */
  correct(corrections: CorrectionBatch['records']): FeedChange {
    const first = this.records[0]?.recNo;
    if (first === undefined) return { changed: false, rejoin: false };
    let copy: SessionRecord[] | undefined;
    for (const { recNo, analysis } of corrections) {
      const r = this.records[recNo - first];
      if (r?.recNo !== recNo || r.type !== 'packet') continue;
      copy ??= [...this.records];
      copy[recNo - first] = { ...r, analysis };
    }
    if (copy) this.records = copy;
    return { changed: copy !== undefined, rejoin: false };
  }

  /** Lowers or raises the bound; drops the oldest records beyond it. */
  setMax(maxRecords: number): boolean {
    this.maxRecords = Math.max(1, maxRecords);
    if (this.records.length <= this.maxRecords) return false;
    this.records = this.records.slice(this.records.length - this.maxRecords);
    return true;
  }

  #append(incoming: readonly SessionRecord[]): FeedChange {
    const fresh: SessionRecord[] = [];
    let rejoin = false;
    let expected = this.lastRecNo + 1;
    for (const r of [...incoming].sort((a, b) => a.recNo - b.recNo)) {
      if (r.recNo < expected) continue; // already held
      if (r.recNo > expected) {
        rejoin = true;
        break;
      }
      fresh.push(r);
      expected += 1;
    }
    if (fresh.length === 0) return { changed: false, rejoin };
    const all = this.records.concat(fresh);
    this.records = all.length > this.maxRecords ? all.slice(all.length - this.maxRecords) : all;
    this.lastRecNo = expected - 1;
    return { changed: true, rejoin };
  }
}
