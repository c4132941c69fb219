/**
 * What the user is looking at: the picked conversation (or the newest, when following), the
 * selected record, projector mode. Reads the shown conversation's records and summary from the
 * record store (one conversation at a time, never a pass over everything held).
 */
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import type { SessionInfo, SessionRecord } from '../../../core/protocol.ts';
import { showsRecord, type ShowFilter } from './show-filter.ts';
import { ALL, ALL_WINDOW, type RecordStore } from './record-store.svelte.ts';

/** Where the shown records come from: the connection's session, or a file opened in the page. */
export interface RecordSource {
  readonly store: RecordStore;
  readonly session: SessionInfo | null;
  /**
   * "All records" scrolled to an edge: shows the records before (-1) or after (+1) those shown,
   * half a window on; resolves false when there are none that way.
   */
  pageAll?(dir: -1 | 1): Promise<boolean>;
}

/** Where a selection came from, so the other view scrolls to it. */
export type SelectionSource =
  | 'ladder' // clicked in the ladder: the table scrolls to it
  | 'table' // clicked in the table: the ladder scrolls to it
  | 'keyboard' // moved with keys or picked elsewhere: both scroll
  | 'presenter'; // mirrored from the presenter's view: both scroll, and it is not this page's choice

export class ViewState {
  /** Follow the newest conversation as new ones appear. */
  follow = $state(true);
  /** The conversation picked by hand (used when not following). */
  picked = $state<string>(ALL);
  selectedRecNo = $state<number | null>(null);
  selectedBy = $state<SelectionSource | null>(null);
  projector = $state(false);
  /** Extra Seq/Ack/Win/state columns in the table (wide: off by default). */
  packetColumns = $state(false);
  /** Packets, socket calls or both, in the ladder and the table. */
  show = $state<ShowFilter>('both');

  #conn: RecordSource;
  /** Called when this page's user picks or selects something (a viewer then stops following). */
  onuser: () => void = () => {};

  constructor(conn: RecordSource) {
    this.#conn = conn;
  }

  /** The shown session's records and conversation summaries. */
  store = $derived.by((): RecordStore => this.#conn.store);

  /** The newest conversation's id (by first appearance), if any. */
  newest = $derived.by((): string | undefined => this.store.newestSummary()?.conv);

  /** The conversation shown: the newest when following, else the picked one if it still exists. */
  active = $derived.by((): string => {
    if (this.follow) return this.newest ?? ALL;
    if (this.picked === ALL || this.store.summary(this.picked)) return this.picked;
    return this.newest ?? ALL;
  });

  /** The shown conversation's summary, as the server (or the file's reader) computed it. */
  activeSummary = $derived.by((): ConversationSummary | null =>
    this.active === ALL ? null : (this.store.summary(this.active) ?? null),
  );

  /** Every record of the shown conversation in time order, whatever the show filter. */
  conversationRecords = $derived.by((): readonly SessionRecord[] =>
    this.store.recordsOf(this.active),
  );

  /** Records of the shown conversation in time order, as the show filter lets through. */
  visible = $derived.by((): readonly SessionRecord[] => {
    const all = this.conversationRecords;
    return this.show === 'both' ? all : all.filter((r) => showsRecord(r, this.show));
  });

  /** The records are the live session's (the echo endpoint is then the server). */
  live = $derived.by(() => this.#conn.session?.kind === 'live');
  startTime = $derived.by(
    () => this.#conn.session?.startTime ?? this.store.tail(ALL_WINDOW)[0]?.time ?? 0,
  );

  #paging = false;

  /**
   * The user scrolled "All records" to its top (-1) or bottom (+1) edge: the views get the records
   * before or after, from the page, the file or the server. One move at a time.
   */
  async pageAll(dir: -1 | 1): Promise<boolean> {
    if (this.active !== ALL || this.#paging || !this.#conn.pageAll) return false;
    this.#paging = true;
    // Back from the newest: the window stops sliding on with arriving records at once, so the row
    // looked at stays put while the records before it are fetched.
    if (dir < 0 && this.store.allEnd === null) this.store.showAll(this.store.lastRecNo + 1);
    try {
      return await this.#conn.pageAll(dir);
    } finally {
      this.#paging = false;
    }
  }

  pick(conv: string, by: 'user' | 'presenter' = 'user'): void {
    this.picked = conv;
    this.follow = false;
    if (by === 'user') this.onuser();
  }

  /** Turning following off keeps the conversation shown now (read before `follow` changes it). */
  setFollow(on: boolean): void {
    const shown = this.active;
    this.follow = on;
    if (!on) this.picked = shown;
  }

  /** Selecting a step also stops following the newest conversation: what is looked at stays. */
  select(recNo: number | null, by: SelectionSource): void {
    this.selectedRecNo = recNo;
    this.selectedBy = by;
    if (recNo !== null && this.follow) this.setFollow(false);
    if (by !== 'presenter' && recNo !== null) this.onuser();
  }

  /** Moves the selection by `step` rows within the visible records. */
  move(step: number): void {
    const rows = this.visible;
    if (rows.length === 0) return;
    const at = rows.findIndex((r) => r.recNo === this.selectedRecNo);
    const next =
      at < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step));
    this.select(rows[next]?.recNo ?? null, 'keyboard');
  }
}
