/**
 * The server session a page shows (the live one or a shared file) and its records as the page
 * holds them: bounded, no gap, no duplicate, resumed after reconnects by joins, with what the page
 * let go fetched back by range.
 */
import type { CorrectionBatch, Hello, RecordBatch, SessionInfo } from '../../../core/protocol.ts';
import { ACK_TIMEOUT_MS, LIVE_SESSION, type AppSocket } from './app-socket.ts';
import { fetchRange } from './range-fetch.ts';
import { RecordFeed } from './record-feed.ts';
import { ALL_WINDOW, type RecordStore } from './record-store.svelte.ts';
import { refusalText } from './refusal-text.ts';
import { unpackOrNull } from './unpack-or-null.ts';

const REJOIN_DELAY_MS = 1000;
/** Records the page holds at most (the server may hold more: older ones are fetched by range). */
export const PAGE_MAX_RECORDS = 100_000;
/** Records a join asks for at most, newest first: what is older stays on the server. */
export const JOIN_TAIL = 10_000;

/** What the shown session reads of the page's link. */
export interface SessionLink {
  /** Every session the server holds, as it last said. */
  sessions(): readonly SessionInfo[];
  /** The id of the live session of the server process the page is connected to. */
  liveId(): string;
  connected(): boolean;
}

export class ShownSession {
  /** The server session shown: the live one or a shared file. */
  sessionId = $state(LIVE_SESSION);
  session = $state.raw<SessionInfo | null>(null);
  joinError = $state<string | null>(null);

  #feed = new RecordFeed(PAGE_MAX_RECORDS);
  /** The first join of a session asks for the summaries; the joins catching up do not. */
  #needSummaries = true;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #joinId = 0;

  constructor(
    private socket: AppSocket,
    private link: SessionLink,
  ) {}

  get store(): RecordStore {
    return this.#feed.store;
  }

  /** The server said hello (a first connection or a reconnection): join again. */
  hello(h: Hello): void {
    // A shared file the restarted server no longer holds: back to live.
    if (!h.sessions.some((s) => s.id === this.sessionId)) this.#switch(this.link.liveId());
    const shown = h.sessions.find((s) => s.id === this.sessionId);
    if (shown && this.session && shown.startTime !== this.session.startTime) {
      // Not the session we were showing: the server restarted. Start over.
      this.#feed.reset();
    }
    this.session = shown ?? this.session;
    this.#feed.setMax(Math.min(PAGE_MAX_RECORDS, h.maxRecords));
    this.#needSummaries = true;
    void this.join();
  }

  /** The server's session list changed. */
  listed(list: readonly SessionInfo[]): void {
    const shown = list.find((s) => s.id === this.sessionId);
    if (shown && this.session && shown.startTime !== this.session.startTime) {
      // A new live session took the place of the one shown: start over on it.
      this.#switch(shown.id);
      void this.join();
    } else if (shown) this.session = shown;
    else if (this.sessionId !== this.link.liveId()) this.view(this.link.liveId()); // dropped file
  }

  batch(batch: RecordBatch): void {
    if (batch.session !== this.sessionId) return;
    const got = unpackOrNull(batch.packed);
    // A batch that cannot be read is a gap: the join answers the records after those held.
    if (!got || this.#feed.batch(got.records, got.summaries).rejoin) void this.join();
  }

  /** States true in hindsight: a later packet corrected earlier rows (e.g. a refused SYN). */
  corrections(batch: CorrectionBatch): void {
    if (batch.session === this.sessionId) this.#feed.correct(batch.records);
  }

  /** The link went down: a join under way will not be answered. */
  disconnected(): void {
    this.#feed.abortJoin();
  }

  /** Joins after `ms` (or sooner, when asked again meanwhile). */
  joinAfter(ms: number): void {
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => void this.join(), ms);
  }

  stop(): void {
    clearTimeout(this.#retry);
  }

  /** Shows another server session: forgets the records held and joins it from its start. */
  view(id: string): void {
    if (id === this.sessionId) return;
    this.#switch(id);
    void this.join();
  }

  /**
   * Fetches back the records of conversation `conv` the page no longer holds (or never held: it
   * began before the page joined), from the server, a range page at a time.
   */
  async fetchConversation(conv: string): Promise<void> {
    const s = this.store.summary(conv);
    const session = this.sessionId;
    if (!s?.firstRecNo || !this.store.missing(conv)) return;
    const to = Math.min(s.lastRecNo ?? s.firstRecNo, this.store.firstRecNo - 1);
    const req = { session, from: s.firstRecNo, to, conv };
    const got = await fetchRange(this.socket, req, () => session === this.sessionId);
    if (got) this.store.putFetched(conv, got);
  }

  /**
   * "All records" moves half a window back (-1) or on (+1) through the session: records the page
   * no longer holds come from the server by range. False when there is nothing further that way.
   */
  async pageAll(dir: -1 | 1): Promise<boolean> {
    const store = this.store;
    const session = this.sessionId;
    const first = this.session?.firstRecNo ?? store.firstRecNo;
    const end = store.allEnd ?? store.lastRecNo + 1;
    if (dir > 0 && store.allEnd === null) return false;
    if (dir < 0 && end - ALL_WINDOW <= first) return false;
    const next = Math.max(first + ALL_WINDOW, end + dir * Math.floor(ALL_WINDOW / 2));
    if (next > store.lastRecNo) {
      store.showAll(null);
      return true;
    }
    const req = {
      session,
      from: Math.max(first, next - ALL_WINDOW),
      to: Math.min(next - 1, store.firstRecNo - 1),
    };
    const got = await fetchRange(this.socket, req, () => session === this.sessionId);
    if (!got) return false;
    store.showAll(next, got);
    return true;
  }

  #switch(id: string): void {
    this.#joinId++; // an answer still on its way is for the old session
    this.sessionId = id;
    this.session = this.link.sessions().find((s) => s.id === id) ?? null;
    this.#feed.reset();
    this.#needSummaries = true;
    this.joinError = null;
  }

  async join(): Promise<void> {
    if (this.#feed.joining || !this.socket.connected) return;
    clearTimeout(this.#retry);
    const known = this.link.sessions().find((s) => s.id === this.sessionId) ?? this.session;
    const after = this.#feed.beginJoin(known?.lastRecNo ?? 0, JOIN_TAIL);
    const id = ++this.#joinId;
    const summaries = this.#needSummaries;
    try {
      const res = await this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('join', { session: this.sessionId, after, summaries });
      if (id !== this.#joinId) return; // overtaken by a newer join (a restart was noticed)
      if (!res.ok) throw new Error(refusalText(res));
      this.session = res.session;
      this.joinError = null;
      if (summaries) this.#needSummaries = false;
      const change = this.#feed.endJoin(
        res.records,
        res.gap,
        res.session.lastRecNo,
        summaries ? res.summaries : undefined,
      );
      if (change.rejoin) this.#needSummaries = true;
      // A second gap right away means the server is ahead of us again: wait a moment, then ask.
      if (change.rejoin) this.joinAfter(REJOIN_DELAY_MS);
      // A join answer holds a bounded number of records: a big shared file comes in several.
      else if (res.records.length > 0 && this.#feed.lastRecNo < res.session.lastRecNo)
        this.joinAfter(0);
    } catch (err) {
      if (id !== this.#joinId) return;
      this.#feed.abortJoin();
      const listed = this.link.sessions().some((s) => s.id === this.sessionId);
      if (this.sessionId !== this.link.liveId() && this.link.connected() && !listed) {
        this.view(this.link.liveId()); // a shared file that is gone
        return;
      }
      this.joinError = err instanceof Error ? err.message : String(err);
      this.joinAfter(REJOIN_DELAY_MS);
    }
  }
}
