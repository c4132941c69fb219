/**
 * What the page holds of one session: its newest records (at most `max`, in chunks), each
 * conversation's records in time order, and the conversation summaries the server computed.
 * Appending a batch costs O(batch), whatever is held; views ask for one conversation's records or
 * a window, made when asked. Views re-read after `rev` changes, at most once per animation frame.
 */
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import type { SessionRecord } from '../../../core/protocol.ts';
import { ConversationIndex } from './conversation-index.ts';
import { RecordChunks } from './record-chunks.ts';
import { SummaryIndex } from './summary-index.ts';
import { dropOldest } from '../../../core/drop-oldest.ts';

/** The pseudo conversation that shows every record, with or without a `conv`. */
export const ALL = '*';
/** Records the "all records" view shows at most: the newest held. */
export const ALL_WINDOW = 10_000;
/** Conversations whose records were fetched back from the server, kept at once. */
const FETCHED_KEPT = 8;

type Schedule = (run: () => void) => void;

/** One redraw per animation frame in a browser; at once elsewhere (tests, workers). */
const perFrame: Schedule = (run) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : run();

export class RecordStore {
  /** Bumped once per frame in which something changed; reading it makes a derivation re-run. */
  #rev = $state(0);
  #version = 0;
  #scheduled = false;
  #schedule: Schedule;
  #max: number;
  #chunks = new RecordChunks();
  #convs = new ConversationIndex();
  #summaries: SummaryIndex;
  // Not state: views re-read after `rev` changes.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #fetched = new Map<
    string,
    { records: SessionRecord[]; merged: readonly SessionRecord[] | null }
  >();
  #tail: { version: number; n: number; records: readonly SessionRecord[] } | null = null;
  /** "All records" scrolled back: one past the newest record it shows (null: the newest). */
  #allEnd: number | null = null;
  /** Records older than those held, fetched back for that view (record-number order). */
  #older: SessionRecord[] = [];
  #allView: { key: string; records: readonly SessionRecord[] } | null = null;
  /** Records replaced so far (a correction may fall inside that window), and showAll calls. */
  #replaced = 0;
  #moves = 0;

  /** `summaries` may be shared by several stores (windows of one file). */
  constructor(max: number, schedule: Schedule = perFrame, summaries = new SummaryIndex()) {
    this.#max = Math.max(1, max);
    this.#schedule = schedule;
    this.#summaries = summaries;
  }

  /** Read in a derivation to re-run it once the store changed. */
  get rev(): number {
    return this.#rev;
  }

  get max(): number {
    return this.#max;
  }

  /** Records held. */
  get length(): number {
    void this.#rev;
    return this.#chunks.length;
  }

  /** Record number of the oldest record held (lastRecNo + 1 when none). */
  get firstRecNo(): number {
    return this.#chunks.at(0)?.recNo ?? this.lastRecNo + 1;
  }

  /** Record number of the newest record held, 0 when none was ever held. */
  lastRecNo = 0;

  /** Records and summaries looked at by appends and drops: what the O(batch) test counts. */
  get work(): number {
    return this.#convs.visited + this.#summaries.visited;
  }

  /** Appends records numbered lastRecNo + 1, + 2… (the feed checks the numbering). */
  append(records: readonly SessionRecord[]): void {
    for (const r of records) {
      this.#chunks.push(r);
      this.#convs.add(r);
      this.lastRecNo = r.recNo;
      if (r.conv && this.#fetched.has(r.conv)) this.#unmerge(r.conv);
    }
    while (this.#chunks.length > this.#max) {
      const r = this.#chunks.shift()!;
      this.#convs.drop(r, r.recNo + 1);
      // Still in "All records" scrolled back: it stays there, among the older records.
      if (this.#allEnd !== null && r.recNo >= this.#allEnd - ALL_WINDOW && r.recNo < this.#allEnd)
        this.#older.push(r);
    }
    this.#changed();
  }

  /** Replaces the record numbered `recNo`, if held, with `change(it)`; says whether it did. */
  replace(recNo: number, change: (r: SessionRecord) => SessionRecord): boolean {
    const i = recNo - this.firstRecNo;
    const was = this.#chunks.at(i);
    if (!was || was.recNo !== recNo) return false;
    const now = change(was);
    if (now === was) return false;
    this.#chunks.set(i, now);
    this.#convs.replace(was, now);
    this.#replaced++;
    this.#changed();
    return true;
  }

  /** Adds or replaces conversation summaries (whole, by `conv`). */
  putSummaries(list: readonly ConversationSummary[]): void {
    if (list.length === 0) return;
    this.#summaries.put(list);
    this.#changed();
  }

  /** Records of a conversation fetched back from the server (older than those held). */
  putFetched(conv: string, records: readonly SessionRecord[]): void {
    const first = this.firstRecNo;
    const older = records.filter((r) => r.conv === conv && r.recNo < first);
    this.#fetched.delete(conv);
    this.#fetched.set(conv, { records: older, merged: null });
    if (this.#fetched.size > FETCHED_KEPT) dropOldest(this.#fetched);
    this.#changed();
  }

  /** True when `conv` began before the oldest record held and was not fetched back yet. */
  missing(conv: string): boolean {
    const s = this.summary(conv);
    return (
      s?.firstRecNo !== undefined && s.firstRecNo < this.firstRecNo && !this.#fetched.has(conv)
    );
  }

  /** Lowers or raises the bound; drops the oldest records beyond it. */
  setMax(max: number): void {
    this.#max = Math.max(1, max);
    this.append([]);
  }

  /** Forgets every record and summary. */
  clear(): void {
    this.#chunks.clear();
    this.#convs.clear();
    this.#summaries.clear();
    this.#fetched.clear();
    this.#allEnd = null;
    this.#older = [];
    this.lastRecNo = 0;
    this.#changed();
  }

  /** Forgets the records held (a gap: the numbering starts again after `lastRecNo`). */
  restartAt(lastRecNo: number): void {
    this.#chunks.clear();
    this.#convs.clear();
    this.#allEnd = null;
    this.#older = [];
    this.lastRecNo = lastRecNo;
    this.#changed();
  }

  /** Summaries, newest conversation first: how many, and the i-th. */
  get summaryCount(): number {
    void this.#rev;
    return this.#summaries.size;
  }

  newestSummary(i = 0): ConversationSummary | undefined {
    void this.#rev;
    return this.#summaries.newest(i);
  }

  summary(conv: string): ConversationSummary | undefined {
    void this.#rev;
    return this.#summaries.get(conv);
  }

  /** Some conversation has packets (captured or read), not only socket calls. */
  get hasPackets(): boolean {
    void this.#rev;
    return this.#summaries.withPackets > 0;
  }

  /** One past the newest record "All records" shows; null when it shows the newest. */
  get allEnd(): number | null {
    void this.#rev;
    return this.#allEnd;
  }

  /**
   * "All records" shows the ALL_WINDOW records before record number `end` (null: the newest,
   * sliding on as records arrive; lastRecNo + 1: the newest now, staying put as records arrive).
   * `older` are records fetched back from the server for it, older than those held (it replaces
   * what was fetched before). O(window) when the view is next read, whatever is held.
   */
  showAll(end: number | null, older?: readonly SessionRecord[]): void {
    if (this.#allEnd === null && end === this.lastRecNo + 1 && !older) {
      // Staying at the newest (scrolling back from it stops the sliding): the same records in the
      // same array and no change to tell, so the table and the ladder are not built again from
      // them (~300 ms for 10,000 records, in the first frame of scrolling back).
      const records = this.tail(ALL_WINDOW);
      this.#allEnd = end;
      this.#allView = { key: `${end} ${++this.#moves} ${this.#replaced}`, records };
      return;
    }
    this.#allEnd = end === null || end > this.lastRecNo + 1 ? null : Math.max(1, end);
    if (older) this.#older = older.filter((r) => r.recNo < this.firstRecNo);
    if (this.#allEnd === null) this.#older = [];
    this.#moves++;
    this.#changed();
  }

  /** The records of `conv` in time order (for ALL, the window `showAll` chose, the newest held). */
  recordsOf(conv: string): readonly SessionRecord[] {
    void this.#rev;
    if (conv === ALL) return this.#allEnd === null ? this.tail(ALL_WINDOW) : this.#allWindow();
    const held = this.#convs.records(conv, this.firstRecNo);
    const f = this.#fetched.get(conv);
    if (!f || f.records.length === 0) return held;
    f.merged ??= Object.freeze([...f.records, ...held]);
    return f.merged;
  }

  /** The newest `n` records held, in time order (the same array until something changes). */
  tail(n: number): readonly SessionRecord[] {
    void this.#rev;
    const t = this.#tail;
    if (t && t.version === this.#version && t.n === n) return t.records;
    const records = this.#chunks.slice(this.#chunks.length - n);
    records.sort((a, b) => a.time - b.time || a.recNo - b.recNo);
    this.#tail = { version: this.#version, n, records: Object.freeze(records) };
    return this.#tail.records;
  }

  /** Every record held, oldest first (a copy). */
  toArray(): SessionRecord[] {
    void this.#rev;
    return this.#chunks.slice();
  }

  #allWindow(): readonly SessionRecord[] {
    // New records come after the window and dropped ones stay in it (in `#older`): only a move
    // or a correction changes it.
    const key = `${this.#allEnd} ${this.#moves} ${this.#replaced}`;
    const v = this.#allView;
    if (v && v.key === key) return v.records;
    const end = this.#allEnd ?? this.lastRecNo + 1;
    const from = end - ALL_WINDOW;
    const first = this.firstRecNo;
    const records = this.#older.filter((r) => r.recNo >= from && r.recNo < end);
    records.push(...this.#chunks.slice(Math.max(from, first) - first, end - first));
    records.sort((a, b) => a.time - b.time || a.recNo - b.recNo);
    this.#allView = { key, records: Object.freeze(records) };
    return this.#allView.records;
  }

  #unmerge(conv: string): void {
    const f = this.#fetched.get(conv);
    if (f) f.merged = null;
  }

  #changed(): void {
    this.#version++;
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      this.#rev++;
    });
  }
}
