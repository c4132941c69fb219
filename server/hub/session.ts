/**
 * One session: its id, title and kind, its records numbered from 1 with no gaps (held in a
 * bounded ring, record-ring.ts), each conversation's summary, its counts, and the listeners told
 * of each record appended and each correction.
 */
import { SummaryTracker } from '../../core/analysis/summary-tracker.ts';
import type { ConversationNames } from '../../core/conversation-names.ts';
import type { FrameRing } from '../sessions/frame-ring.ts';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import type { SessionInfo, SessionKind, SessionRecord } from '../../core/protocol.ts';
import { RecordRing } from './record-ring.ts';
import { closedTitleKey, titleOf, type SessionTitleKey } from '../../core/session-title.ts';

type NewRecord = SessionRecord extends infer R
  ? R extends { recNo: number }
    ? Omit<R, 'recNo'>
    : never
  : never;

export class Session {
  private ring: RecordRing;
  private listeners = new Set<(r: SessionRecord) => void>();
  private correctionListeners = new Set<(recNo: number, analysis: PacketAnalysis) => void>();
  /** Raw bytes of the packets, for saving as pcapng (absent for sessions without packets). */
  frames: FrameRing | undefined;
  /** What the store says about this session (closed, cut, not recorded), shown with its info. */
  private stored: Pick<SessionInfo, 'closed' | 'storeNote' | 'storeDropped'> = {};
  /** The title's key while it is one of the server's default titles (see session-title.ts). */
  private key: SessionTitleKey | undefined;
  private label: string;
  /** Records appended so far, by type (also those the ring dropped since). */
  private counts = { packets: 0, steps: 0 };
  /** Bytes of the stored copy on disk, when the store keeps one. */
  storedBytes: () => number | undefined = () => undefined;
  /** Each conversation's summary, counted in as records are appended (O(1) per record). */
  readonly summaries: SummaryTracker;

  constructor(
    private name: string,
    readonly kind: SessionKind,
    /** A name (a file's, or one someone gave), or the key of a default title. */
    title: string | SessionTitleKey,
    readonly startTime: number,
    readonly maxRecords: number,
    /** Conversations whose summaries are kept (the tracker's default when not given). */
    readonly maxConversations?: number,
    /** Names records as they are appended (a live session's taps and capture): see its header. */
    readonly names?: ConversationNames,
  ) {
    this.key = typeof title === 'string' ? undefined : title;
    this.label = typeof title === 'string' ? title : titleOf(title);
    this.ring = new RecordRing(maxRecords);
    this.summaries = new SummaryTracker(maxConversations);
  }

  /** The session's id: pages and routes name it so. */
  get id(): string {
    return this.name;
  }

  get title(): string {
    return this.label;
  }

  /** The title's key while it is a default one; undefined once someone named the session. */
  get titleKey(): SessionTitleKey | undefined {
    return this.key;
  }

  /** Gives the session another title (the presenter renamed it): shown as given. */
  rename(title: string): void {
    this.label = title;
    this.key = undefined;
  }

  /** A default title says from now on when the session started: it is closed. */
  closeTitle(): void {
    if (!this.key) return;
    this.key = closedTitleKey(this.key, this.startTime);
    this.label = titleOf(this.key);
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
      ...(this.key && { titleKey: this.key }),
      startTime: this.startTime,
      lastRecNo: this.ring.next - 1,
      firstRecNo: this.ring.first,
      ...this.stored,
    };
  }

  /** Sets what the page is told about the stored copy (see SessionInfo.closed, storeNote). */
  setStored(stored: Pick<SessionInfo, 'closed' | 'storeNote' | 'storeDropped'>): void {
    this.stored = { ...(this.stored.closed ? { closed: true } : {}), ...stored };
  }

  /**
   * Appends a record, gives it the next sequence number and tells the listeners. `source` names
   * the capture ingest a packet comes from (see ConversationNames.packet).
   */
  append(rec: NewRecord, source?: number): SessionRecord {
    // Not `{ ...rec, recNo }`: V8 (Node 20) gives each object made by a spread and a new field a
    // hidden class of its own, ~1 KB more per record held.
    const full = Object.assign({}, rec) as SessionRecord;
    full.recNo = this.ring.next;
    if (this.names && full.conv)
      full.conv = full.type === 'step' ? this.names.step(full) : this.names.packet(full, source);
    this.ring.push(full);
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
    this.ring.restore(rec);
  }

  /**
   * Numbers records from `recNo` on: a stored session whose oldest records were dropped to stay
   * under its cap is read back with its own numbers. Only an empty session can.
   */
  startAt(recNo: number): void {
    this.ring.startAt(recNo);
  }

  /** Forgets the records numbered below `recNo` (the store dropped them to stay under its cap). */
  dropBefore(recNo: number): void {
    this.ring.dropBefore(recNo);
  }

  /** The copy's packets and steps appended, dropped ones included (see totals). */
  restoreCounts(counts: { packets: number; steps: number }): void {
    this.counts = { packets: counts.packets, steps: counts.steps };
  }

  /** Records after a record number, and whether some were dropped (RecordRing.since). */
  since(...args: Parameters<RecordRing['since']>): ReturnType<RecordRing['since']> {
    return this.ring.since(...args);
  }

  /** Records from…to, of one conversation when given, a page at a time (RecordRing.range). */
  range(...args: Parameters<RecordRing['range']>): ReturnType<RecordRing['range']> {
    return this.ring.range(...args);
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
    const r = this.ring.at(recNo);
    if (r?.type !== 'packet') return;
    this.ring.replace({ ...r, analysis });
    for (const l of this.correctionListeners) l(recNo, analysis);
  }

  onCorrection(listener: (recNo: number, analysis: PacketAnalysis) => void): () => void {
    this.correctionListeners.add(listener);
    return () => this.correctionListeners.delete(listener);
  }
}
