/**
 * The page's copy of a server session: records in record-number order with no gap and no
 * duplicate, at most `maxRecords` of them, held in a RecordStore (O(batch) per append), with the
 * conversation summaries the server sends beside them. Says when the page must join again (a gap
 * in the numbering).
 */
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import type { CorrectionBatch, SessionRecord } from '../../../core/protocol.ts';
import { RecordStore } from './record-store.svelte.ts';

export interface FeedChange {
  /** Records were added or dropped. */
  changed: boolean;
  /** A record is missing: join again with `after = lastRecNo`. */
  rejoin: boolean;
}

type Batch = { records: readonly SessionRecord[]; summaries: readonly ConversationSummary[] };

export class RecordFeed {
  readonly store: RecordStore;
  #joining = false;
  #queue: Batch[] = [];

  constructor(maxRecords: number, store = new RecordStore(maxRecords)) {
    this.store = store;
    store.setMax(maxRecords);
  }

  get lastRecNo(): number {
    return this.store.lastRecNo;
  }

  get maxRecords(): number {
    return this.store.max;
  }

  get joining(): boolean {
    return this.#joining;
  }

  /**
   * Marks a join as under way and returns the `after` to ask for: the records after those held,
   * or only the newest `tail` of the session's `sessionLast` when more are missing (older ones
   * stay on the server, fetched by range when looked at).
   */
  beginJoin(sessionLast = 0, tail = Infinity): number {
    this.#joining = true;
    this.#queue = [];
    return Math.max(this.lastRecNo, sessionLast - tail);
  }

  /** Forgets everything (the server started a new session): the next join asks for all. */
  reset(): void {
    this.store.clear();
    this.#joining = false;
    this.#queue = [];
  }

  /** A join failed or was cut off: batches seen meanwhile are dropped, the next join covers them. */
  abortJoin(): void {
    this.#joining = false;
    this.#queue = [];
  }

  /**
   * Applies a join answer (with every summary when `summaries` is given: they replace those held),
   * then the batches that came while it was on its way.
   */
  endJoin(
    records: readonly SessionRecord[],
    gap: boolean,
    sessionLastRecNo: number,
    summaries?: readonly ConversationSummary[],
  ): FeedChange {
    this.#joining = false;
    let change: FeedChange;
    if (sessionLastRecNo < this.lastRecNo) {
      // The server started over (restarted): its numbers begin again from 1.
      this.store.clear();
      this.#queue = [];
      return { changed: true, rejoin: true };
    }
    if (summaries) this.store.putSummaries(summaries);
    const first = records[0];
    if (gap || (first !== undefined && first.recNo > this.lastRecNo + 1)) {
      this.store.restartAt(first ? first.recNo - 1 : sessionLastRecNo);
      change = { changed: true, rejoin: this.#append(records).rejoin };
    } else {
      change = this.#append(records);
    }
    const queued = this.#queue;
    this.#queue = [];
    for (const batch of queued) {
      if (change.rejoin) break;
      const c = this.#apply(batch);
      change = { changed: change.changed || c.changed, rejoin: c.rejoin };
    }
    return change;
  }

  /** Applies a pushed batch; while a join is under way it waits for the answer. */
  batch(
    records: readonly SessionRecord[],
    summaries: readonly ConversationSummary[] = [],
  ): FeedChange {
    if (this.#joining) {
      this.#queue.push({ records, summaries });
      return { changed: false, rejoin: false };
    }
    return this.#apply({ records, summaries });
  }

  /**
   * Replaces the analysis of packet records held (a later packet proved their states wrong).
   * Records not held are skipped: a later join brings them already corrected.
   */
  correct(corrections: CorrectionBatch['records']): FeedChange {
    let changed = false;
    for (const { recNo, analysis } of corrections)
      changed =
        this.store.replace(recNo, (r) => (r.type === 'packet' ? { ...r, analysis } : r)) || changed;
    return { changed, rejoin: false };
  }

  /** Lowers or raises the bound; drops the oldest records beyond it. */
  setMax(maxRecords: number): boolean {
    const before = this.store.length;
    this.store.setMax(maxRecords);
    return this.store.length !== before;
  }

  #apply(batch: Batch): FeedChange {
    this.store.putSummaries(batch.summaries);
    return this.#append(batch.records);
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
    this.store.append(fresh);
    return { changed: true, rejoin };
  }
}
