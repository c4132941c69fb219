/**
 * A session's records in order, numbered with no gaps, kept in a bounded ring: the oldest are
 * dropped past `maxRecords`, so memory stays flat however long a session runs. The ring starts
 * small and doubles up to `maxRecords`.
 */
import type { SessionRecord } from '../../core/protocol.ts';

export class RecordRing {
  private slots: (SessionRecord | undefined)[];
  private head = 0; // index of the oldest record held
  private count = 0;
  private nextRecNo = 1;

  constructor(readonly maxRecords: number) {
    this.slots = new Array<SessionRecord | undefined>(Math.min(maxRecords, 1024));
  }

  /** The number the next record gets. */
  get next(): number {
    return this.nextRecNo;
  }

  /** The number of the oldest record held (`next` when none is). */
  get first(): number {
    return this.nextRecNo - this.count;
  }

  /** Appends a record numbered `next`. */
  push(r: SessionRecord): void {
    if (r.recNo !== this.nextRecNo) throw new Error(`Record ${r.recNo} is not ${this.nextRecNo}.`);
    this.nextRecNo++;
    this.put(r);
  }

  /**
   * Puts back a record of a copy made elsewhere, keeping its number: the first one may start
   * anywhere after what was held, the others follow with no gap.
   */
  restore(r: SessionRecord): void {
    if (r.recNo < this.nextRecNo) throw new Error(`Record ${r.recNo} is out of order.`);
    if (this.count === 0) this.nextRecNo = r.recNo;
    else if (r.recNo !== this.nextRecNo) throw new Error(`Record ${r.recNo} leaves a gap.`);
    this.nextRecNo++;
    this.put(r);
  }

  /** Numbers records from `recNo` on; only an empty ring that never held a record can. */
  startAt(recNo: number): void {
    if (this.count > 0 || this.nextRecNo !== 1) throw new Error('Only an empty session can.');
    this.nextRecNo = recNo;
  }

  /** Forgets the records numbered below `recNo`. */
  dropBefore(recNo: number): void {
    const n = Math.min(Math.max(recNo - this.first, 0), this.count);
    for (let i = 0; i < n; i++) {
      this.slots[this.head] = undefined;
      this.head = (this.head + 1) % this.slots.length;
    }
    this.count -= n;
  }

  /** Record `recNo`, when it is still held. */
  at(recNo: number): SessionRecord | undefined {
    if (recNo < this.first || recNo >= this.nextRecNo) return undefined;
    return this.slots[this.indexOf(recNo)];
  }

  /** Replaces record `recNo`, which must still be held. */
  replace(r: SessionRecord): void {
    if (this.at(r.recNo) === undefined) throw new Error(`Record ${r.recNo} is not held.`);
    this.slots[this.indexOf(r.recNo)] = r;
  }

  /** Records with a record number > after, at most `limit`; `gap` when some of them were already dropped. */
  since(after: number, limit = Infinity): { records: SessionRecord[]; gap: boolean } {
    const gap = after + 1 < this.first;
    const out: SessionRecord[] = [];
    for (let s = Math.max(after + 1, this.first); s < this.nextRecNo && out.length < limit; s++)
      out.push(this.slots[this.indexOf(s)]!);
    return { records: out, gap };
  }

  /**
   * Records numbered from…to still held, of conversation `conv` when given: at most `limit`, after
   * looking at no more than `scan` records; `next` is where to ask from when it stopped short.
   */
  range(
    from: number,
    to: number,
    conv: string | undefined,
    limit: number,
    scan: number,
  ): { records: SessionRecord[]; next: number | null } {
    const start = Math.max(from, this.first);
    const end = Math.min(to, this.nextRecNo - 1);
    const out: SessionRecord[] = [];
    let s = start;
    for (; s <= end && out.length < limit && s - start < scan; s++) {
      const r = this.slots[this.indexOf(s)]!;
      if (conv === undefined || r.conv === conv) out.push(r);
    }
    return { records: out, next: s <= end ? s : null };
  }

  private indexOf(recNo: number): number {
    return (this.head + (recNo - this.first)) % this.slots.length;
  }

  private put(r: SessionRecord): void {
    if (this.count === this.slots.length && this.slots.length < this.maxRecords) this.grow();
    if (this.count < this.slots.length) {
      this.slots[(this.head + this.count) % this.slots.length] = r;
      this.count++;
    } else {
      this.slots[this.head] = r;
      this.head = (this.head + 1) % this.slots.length;
    }
  }

  private grow(): void {
    const bigger = new Array<SessionRecord | undefined>(
      Math.min(this.slots.length * 2, this.maxRecords),
    );
    for (let i = 0; i < this.count; i++)
      bigger[i] = this.slots[(this.head + i) % this.slots.length];
    this.slots = bigger;
    this.head = 0;
  }
}
