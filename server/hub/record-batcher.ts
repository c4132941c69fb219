/**
 * Records and corrections leave the hub in batches per tick: many steps in one burst go out as
 * one message per session room, in order, encoded once for every viewer of that session.
 */
import type { CorrectionBatch, SessionRecord } from '../../core/protocol.ts';
import type { ConversationSummary } from '../../core/analysis/conversation-summary.ts';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import { packBatch } from '../../core/pack-batch.ts';
import { sessionRoom, type HubServer } from './hub-server.ts';
import { jsonShaped } from '../cluster/json-shaped.ts';

/** Records handed to a page in one batch, at most. */
const BATCH_LIMIT = 5000;
/**
 * Batches leave at most this often: each one costs a write on every viewer's connection, so at
 * thousands of records a second they must go out per tick, not per record or per I/O callback.
 */
export const FLUSH_MS = 16;

export type SummaryListener = (session: string, summaries: ConversationSummary[]) => void;

export class RecordBatcher {
  private pending = new Map<string, SessionRecord[]>();
  private pendingCorrections = new Map<string, CorrectionBatch['records']>();
  private flushTimer: { cancel(): void } | null = null;
  private lastFlush = -Infinity;
  private summaryListeners: SummaryListener[] = [];

  constructor(
    private io: HubServer,
    /** The summaries a session's records changed since it was last asked. */
    private changedSummaries: (session: string) => ConversationSummary[],
  ) {}

  /** Hears the summaries every batch sends, per session (the class roster counts them). */
  onSummaries(listener: SummaryListener): void {
    this.summaryListeners.push(listener);
  }

  queue(session: string, r: SessionRecord): void {
    let list = this.pending.get(session);
    if (!list) this.pending.set(session, (list = []));
    list.push(r);
    this.scheduleFlush();
  }

  /** Corrections go out in the same flush, after the records they may refer to. */
  queueCorrection(session: string, recNo: number, analysis: PacketAnalysis): void {
    let list = this.pendingCorrections.get(session);
    if (!list) this.pendingCorrections.set(session, (list = []));
    // Sent as it is, not packed: shaped as JSON, so it crosses Redis (msgpack) alike.
    list.push({ recNo, analysis: jsonShaped(analysis) });
    this.scheduleFlush();
  }

  /** Forgets what a removed session still had waiting. */
  drop(session: string): void {
    this.pending.delete(session);
    this.pendingCorrections.delete(session);
  }

  /**
   * After a quiet spell a record leaves on the next turn of the event loop; while records keep
   * coming, what arrived within FLUSH_MS of the last batch waits for the next tick, so a viewer
   * gets one message per tick however many records it holds.
   */
  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const wait = this.lastFlush + FLUSH_MS - performance.now();
    if (wait > 0) {
      const t = setTimeout(() => this.flush(), wait);
      this.flushTimer = { cancel: () => clearTimeout(t) };
    } else {
      const t = setImmediate(() => this.flush());
      this.flushTimer = { cancel: () => clearImmediate(t) };
    }
  }

  /**
   * Sends what waits now: one emit per batch to the session's room, packed once and encoded once
   * (socket.io frames a room's message once for all its sockets).
   */
  flush(): void {
    this.flushTimer?.cancel();
    this.flushTimer = null;
    if (this.pending.size === 0 && this.pendingCorrections.size === 0) return;
    this.lastFlush = performance.now();
    for (const [session, records] of this.pending) {
      const summaries = this.changedSummaries(session);
      for (const l of this.summaryListeners) l(session, summaries);
      for (let i = 0; i < records.length; i += BATCH_LIMIT) {
        const last = i + BATCH_LIMIT >= records.length;
        const part = records.length <= BATCH_LIMIT ? records : records.slice(i, i + BATCH_LIMIT);
        const packed = packBatch(part, last ? summaries : []);
        this.io.to(sessionRoom(session)).emit('records', { session, packed });
      }
    }
    this.pending.clear();
    for (const [session, records] of this.pendingCorrections)
      this.io.to(sessionRoom(session)).emit('corrections', { session, records });
    this.pendingCorrections.clear();
  }
}
