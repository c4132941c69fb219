/**
 * The class roster: conversations grouped by their client's address (one row per student machine,
 * its newest conversations nested), kept up to date from the session's conversation summaries at
 * O(1) per summary — each conversation's last contribution is taken back out before the new one
 * goes in, so a row never re-adds its history.
 */
import type {
  ConversationEnding,
  ConversationOrigin,
  ConversationSummary,
} from '../analysis/conversation-summary.ts';
import type { Transport } from '../types.ts';
import { dropOldest, dropOldestEntry } from '../drop-oldest.ts';

/** Newest conversations kept in a row (the rest are counted, not listed). */
export const ROSTER_RECENT = 12;
/** Distinct error codes kept in a row. */
export const ROSTER_ERRORS = 8;
/** Rows kept at most; the row that appeared first goes past it. */
export const ROSTER_MAX_ROWS = 5000;
/** Conversations remembered at most (as the session's summary tracker). */
export const ROSTER_MAX_CONVERSATIONS = 100_000;

/** One conversation as its row lists it. */
export interface RosterConv {
  conv: string;
  transport: Transport;
  /** The client's port. */
  port: number;
  firstTime: number;
  lastTime: number;
  bytesC2S: number;
  bytesS2C: number;
  ending: ConversationEnding;
  errors: string[];
}

/** One client machine (and origin): what its conversations did, summed. */
export interface RosterRow {
  /** Origin and address: the built-in and scenario clients of an address are rows of their own. */
  key: string;
  address: string;
  origin: ConversationOrigin;
  /** Order of appearance since the roster was last cleared (1 = first). */
  order: number;
  conversations: number;
  /** Conversations not ended yet. */
  open: number;
  /** Conversations ended by an error, an ICMP error or a reset, or with error codes. */
  failed: number;
  firstTime: number;
  lastTime: number;
  bytesC2S: number;
  bytesS2C: number;
  /** How many conversations ended each way. */
  endings: Partial<Record<ConversationEnding, number>>;
  /** Distinct error codes, first seen first, at most ROSTER_ERRORS. */
  errors: string[];
  /** The newest conversations, newest first, at most ROSTER_RECENT. */
  recent: RosterConv[];
}

/** Rows changed and rows gone since the last `take`. */
export interface RosterChanges {
  rows: RosterRow[];
  removed: string[];
}

/** What one conversation added to its row (taken back out when its summary changes). */
interface Contribution {
  key: string;
  /** Its first record number: an id seen again with another is another conversation. */
  first: number;
  /** When it began, µs. */
  firstTime: number;
  bytesC2S: number;
  bytesS2C: number;
  ending: ConversationEnding;
  failed: boolean;
}

export function rosterKey(origin: ConversationOrigin, address: string): string {
  return `${origin} ${address}`;
}

const FAILED: ReadonlySet<ConversationEnding> = new Set([
  'rst-client',
  'rst-server',
  'icmp',
  'error',
]);

export class Roster {
  #rows = new Map<string, RosterRow>();
  #convs = new Map<string, Contribution>();
  #changed = new Set<string>();
  #removed = new Set<string>();
  #order = 0;
  /** Conversations cleared away: their later changes are not counted (at most maxConvs). */
  #cleared = new Set<string>();
  /** Forgotten conversations (past maxConvs) began at or before this time, µs. */
  #forgotten = -Infinity;

  constructor(
    private readonly maxRows = ROSTER_MAX_ROWS,
    private readonly maxConvs = ROSTER_MAX_CONVERSATIONS,
  ) {}

  /** Counts a conversation's summary in (new, or changed since its last update). */
  update(s: ConversationSummary): void {
    if (!s.client.address || this.#cleared.has(s.conv)) return;
    const key = rosterKey(s.origin ?? 'outside', s.client.address);
    let prev = this.#convs.get(s.conv);
    // The same id in a later session (its record numbers and ports start over) is another one.
    if (prev && prev.first !== (s.firstRecNo ?? 0)) prev = undefined;
    if (!prev && s.firstTime <= this.#forgotten) return;
    if (prev && !this.#rows.has(prev.key)) prev = undefined; // its row went past maxRows
    if (prev && prev.key !== key) {
      // Its origin became known (the built-in client's tap, a scenario's mark): it moves rows.
      this.#takeOut(prev, s.conv, true);
      prev = undefined;
    }
    const row = this.#rows.get(key) ?? this.#newRow(key, s);
    if (prev) this.#takeOut(prev, s.conv, false);
    else row.conversations++;
    const ending = s.ending ?? 'open';
    const errors = s.errors ?? [];
    const c: Contribution = {
      key,
      first: s.firstRecNo ?? 0,
      firstTime: s.firstTime,
      bytesC2S: s.bytesC2S,
      bytesS2C: s.bytesS2C,
      ending,
      failed: FAILED.has(ending) || errors.length > 0,
    };
    row.bytesC2S += c.bytesC2S;
    row.bytesS2C += c.bytesS2C;
    row.endings[ending] = (row.endings[ending] ?? 0) + 1;
    if (ending === 'open') row.open++;
    if (c.failed) row.failed++;
    row.firstTime = Math.min(row.firstTime, s.firstTime);
    row.lastTime = Math.max(row.lastTime, s.lastTime);
    for (const e of errors) {
      if (row.errors.length >= ROSTER_ERRORS) break;
      if (!row.errors.includes(e)) row.errors.push(e);
    }
    putRecent(row.recent, {
      conv: s.conv,
      transport: s.transport,
      port: s.client.port,
      firstTime: s.firstTime,
      lastTime: s.lastTime,
      bytesC2S: s.bytesC2S,
      bytesS2C: s.bytesS2C,
      ending,
      errors: [...errors],
    });
    this.#remember(s.conv, c);
    this.#changed.add(key);
  }

  /** Every row, in order of appearance (copies). */
  rows(): RosterRow[] {
    return Array.from(this.#rows.values(), copyRow);
  }

  get size(): number {
    return this.#rows.size;
  }

  /** Rows changed (copies) and rows removed since the last call. */
  take(): RosterChanges {
    const rows: RosterRow[] = [];
    for (const key of this.#changed) {
      const row = this.#rows.get(key);
      if (row) rows.push(copyRow(row));
    }
    const removed = [...this.#removed];
    this.#changed.clear();
    this.#removed.clear();
    return { rows, removed };
  }

  /**
   * Starts over: every row goes, and conversations already begun are no longer counted (their
   * late packets do not bring a row back). Returns the rows as they were.
   */
  clear(): RosterRow[] {
    const rows = this.rows();
    for (const conv of this.#convs.keys()) this.#cleared.add(conv);
    for (const conv of this.#cleared) {
      if (this.#cleared.size <= this.maxConvs) break;
      this.#cleared.delete(conv); // the oldest first
    }
    this.#rows.clear();
    this.#convs.clear();
    this.#changed.clear();
    this.#removed.clear();
    this.#order = 0;
    return rows;
  }

  #newRow(key: string, s: ConversationSummary): RosterRow {
    const row: RosterRow = {
      key,
      address: s.client.address,
      origin: s.origin ?? 'outside',
      order: ++this.#order,
      conversations: 0,
      open: 0,
      failed: 0,
      firstTime: s.firstTime,
      lastTime: s.lastTime,
      bytesC2S: 0,
      bytesS2C: 0,
      endings: {},
      errors: [],
      recent: [],
    };
    this.#rows.set(key, row);
    if (this.#rows.size > this.maxRows) {
      this.#dropRow(dropOldest(this.#rows)!);
    }
    return row;
  }

  #dropRow(key: string): void {
    this.#rows.delete(key);
    this.#changed.delete(key);
    this.#removed.add(key);
  }

  /** Takes a conversation's contribution back out of its row; `leaving` also uncounts it. */
  #takeOut(c: Contribution, conv: string, leaving: boolean): void {
    const row = this.#rows.get(c.key);
    if (!row) return;
    row.bytesC2S -= c.bytesC2S;
    row.bytesS2C -= c.bytesS2C;
    const left = (row.endings[c.ending] ?? 1) - 1;
    if (left > 0) row.endings[c.ending] = left;
    else delete row.endings[c.ending];
    if (c.ending === 'open') row.open--;
    if (c.failed) row.failed--;
    if (!leaving) return;
    row.conversations--;
    const i = row.recent.findIndex((r) => r.conv === conv);
    if (i >= 0) row.recent.splice(i, 1);
    this.#convs.delete(conv);
    if (row.conversations <= 0) this.#dropRow(c.key);
    else this.#changed.add(c.key);
  }

  #remember(conv: string, c: Contribution): void {
    if (!this.#convs.has(conv) && this.#convs.size >= this.maxConvs) {
      // The oldest conversation is forgotten: a late change of it is then not counted again.
      const [, old] = dropOldestEntry(this.#convs)!;
      this.#forgotten = Math.max(this.#forgotten, old.firstTime);
    }
    this.#convs.set(conv, c);
  }
}

/** Puts `c` in a newest-first list of at most ROSTER_RECENT (replacing its earlier entry). */
function putRecent(list: RosterConv[], c: RosterConv): void {
  const i = list.findIndex((r) => r.conv === c.conv);
  if (i >= 0) list.splice(i, 1);
  let at = 0;
  while (at < list.length && list[at]!.firstTime > c.firstTime) at++;
  if (at >= ROSTER_RECENT) return;
  list.splice(at, 0, c);
  if (list.length > ROSTER_RECENT) list.length = ROSTER_RECENT;
}

function copyRow(r: RosterRow): RosterRow {
  return {
    ...r,
    endings: { ...r.endings },
    errors: [...r.errors],
    recent: r.recent.map((c) => ({ ...c, errors: [...c.errors] })),
  };
}
