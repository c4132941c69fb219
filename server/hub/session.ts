/**
 * One session's records in order, numbered from 1 with no gaps, kept in a bounded ring:
 * the oldest are dropped past `maxRecords` so memory stays flat however long it runs.
 */
import { SummaryTracker } from '../../core/analysis/summary-tracker.ts';
import type { FrameRing } from '../sessions/frame-ring.ts';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import type { SessionInfo, SessionKind, SessionRecord } from '../../core/protocol.ts';

type NewRecord = SessionRecord extends infer R
  ? R extends { recNo: number }
    ? Omit<R, 'recNo'>
    : never
  : never;

export class Session {
  private ring: (SessionRecord | undefined)[];
  private head = 0; // index of the oldest record held
  private count = 0;
  private nextRecNo = 1;
  private listeners = new Set<(r: SessionRecord) => void>();
  private correctionListeners = new Set<(recNo: number, analysis: PacketAnalysis) => void>();
  /** Raw bytes of the packets, for saving as pcapng (absent for sessions without packets). */
  frames: FrameRing | undefined;
  /** What the store says about this session (closed, cut, not recorded), shown with its info. */
  private stored: Pick<SessionInfo, 'closed' | 'storeNote' | 'storeDropped'> = {};
  /** Records appended so far, by type (also those the ring dropped since). */
  private counts = { packets: 0, steps: 0 };
  /** Bytes of the stored copy on disk, when the store keeps one. */
  storedBytes: () => number | undefined = () => undefined;
  /** Each conversation's summary, counted in as records are appended (O(1) per record). */
  readonly summaries: SummaryTracker;

  constructor(
    private name: string,
    readonly kind: SessionKind,
    private label: string,
    readonly startTime: number,
    readonly maxRecords: number,
    /** Conversations whose summaries are kept (the tracker's default when not given). */
    readonly maxConversations?: number,
  ) {
    this.ring = new Array<SessionRecord | undefined>(Math.min(maxRecords, 1024));
    this.summaries = new SummaryTracker(maxConversations);
  }

  /** The session's id: pages and routes name it so. */
  get id(): string {
    return this.name;
  }

  get title(): string {
    return this.label;
  }

  /** Gives the session another title (the presenter renamed it). */
  rename(title: string): void {
    this.label = title;
  }

  /**
   * Files the session under another id, closed: the live session when a new one takes its
   * place. Nothing more is appended to it.
   */
  retire(id: string): void {
    this.name = id;
    this.stored = { ...this.stored, closed: true };
  }

  /** Packets and socket steps appended so far, and conversations tracked. */
  totals(): { packets: number; steps: number; conversations: number } {
    return { ...this.counts, conversations: this.summaries.size };
  }

  info(): SessionInfo {
    return {
      id: this.id,
      kind: this.kind,
      title: this.title,
      startTime: this.startTime,
      lastRecNo: this.nextRecNo - 1,
      firstRecNo: this.nextRecNo - this.count,
      ...this.stored,
    };
  }

  /** Sets what the page is told about the stored copy (see SessionInfo.closed, storeNote). */
  setStored(stored: Pick<SessionInfo, 'closed' | 'storeNote' | 'storeDropped'>): void {
    this.stored = { ...(this.stored.closed ? { closed: true } : {}), ...stored };
  }

  /** Appends a record, gives it the next sequence number and tells the listeners. */
  append(rec: NewRecord): SessionRecord {
    const full = { ...rec, recNo: this.nextRecNo++ } as SessionRecord;
    this.put(full);
    if (full.type === 'packet') this.counts.packets++;
    else this.counts.steps++;
    this.summaries.add(full);
    for (const l of this.listeners) l(full);
    return full;
  }

  /**
   * Puts back a record of a copy of this session made elsewhere (a share worker's), keeping its
   * number; its summary and counts come whole with the copy (summaries.restore, restoreCounts),
   * so it is not counted again.
   */
  restore(rec: SessionRecord): void {
    if (rec.recNo < this.nextRecNo) throw new Error(`Record ${rec.recNo} is out of order.`);
    if (this.count === 0) this.nextRecNo = rec.recNo;
    else if (rec.recNo !== this.nextRecNo) throw new Error(`Record ${rec.recNo} leaves a gap.`);
    this.nextRecNo++;
    this.put(rec);
  }

  /**
   * Numbers records from `recNo` on: a stored session whose oldest records were dropped to stay
   * under its cap is read back with its own numbers. Only an empty session can.
   */
  startAt(recNo: number): void {
    if (this.count > 0 || this.nextRecNo !== 1) throw new Error('Only an empty session can.');
    this.nextRecNo = recNo;
  }

  /** Forgets the records numbered below `recNo` (the store dropped them to stay under its cap). */
  dropBefore(recNo: number): void {
    const first = this.nextRecNo - this.count;
    const n = Math.min(Math.max(recNo - first, 0), this.count);
    for (let i = 0; i < n; i++) {
      this.ring[this.head] = undefined;
      this.head = (this.head + 1) % this.ring.length;
    }
    this.count -= n;
  }

  /** The copy's packets and steps appended, dropped ones included (see totals). */
  restoreCounts(counts: { packets: number; steps: number }): void {
    this.counts = { packets: counts.packets, steps: counts.steps };
  }

  private put(full: SessionRecord): void {
    if (this.count === this.ring.length && this.ring.length < this.maxRecords) this.grow();
    if (this.count < this.ring.length) {
      this.ring[(this.head + this.count) % this.ring.length] = full;
      this.count++;
    } else {
      this.ring[this.head] = full;
      this.head = (this.head + 1) % this.ring.length;
    }
  }

  /** Records with a record number > after, at most `limit`; `gap` when some of them were already dropped. */
  since(after: number, limit = Infinity): { records: SessionRecord[]; gap: boolean } {
    const first = this.nextRecNo - this.count;
    const gap = after + 1 < first;
    const start = Math.max(after + 1, first);
    const out: SessionRecord[] = [];
    for (let s = start; s < this.nextRecNo && out.length < limit; s++) {
      out.push(this.ring[(this.head + (s - first)) % this.ring.length]!);
    }
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
    const first = this.nextRecNo - this.count;
    const start = Math.max(from, first);
    const end = Math.min(to, this.nextRecNo - 1);
    const out: SessionRecord[] = [];
    let s = start;
    for (; s <= end && out.length < limit && s - start < scan; s++) {
      const r = this.ring[(this.head + (s - first)) % this.ring.length]!;
      if (conv === undefined || r.conv === conv) out.push(r);
    }
    return { records: out, next: s <= end ? s : null };
  }

  onRecord(listener: (r: SessionRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Replaces the analysis of packet record `recNo` (a later packet proved its states wrong) and
   * tells the correction listeners; a record already dropped from the ring is left alone.
   */
  correct(recNo: number, analysis: PacketAnalysis): void {
    const first = this.nextRecNo - this.count;
    if (recNo < first || recNo >= this.nextRecNo) return;
    const i = (this.head + (recNo - first)) % this.ring.length;
    const r = this.ring[i];
    if (r?.type !== 'packet') return;
    this.ring[i] = { ...r, analysis };
    for (const l of this.correctionListeners) l(recNo, analysis);
  }

  onCorrection(listener: (recNo: number, analysis: PacketAnalysis) => void): () => void {
    this.correctionListeners.add(listener);
    return () => this.correctionListeners.delete(listener);
  }

  private grow(): void {
    const bigger = new Array<SessionRecord | undefined>(
      Math.min(this.ring.length * 2, this.maxRecords),
    );
    for (let i = 0; i < this.count; i++) bigger[i] = this.ring[(this.head + i) % this.ring.length];
    this.ring = bigger;
    this.head = 0;
  }
}
