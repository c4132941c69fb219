/**
 * Each conversation's records in time order, kept up to date as records arrive and leave: adding
 * a record touches only its own conversation (records come nearly in time order, so it lands at
 * or near the end), and a view of one conversation is made only when asked for, once per change.
 */
import type { SessionRecord } from '../../../core/protocol.ts';

interface Entry {
  /** Time order (then record number); may still hold records dropped since (see `dropped`). */
  list: SessionRecord[];
  /** Records of `list` dropped from the store and not yet removed from it. */
  dropped: number;
  /** The view handed out last, while nothing changed. */
  view: readonly SessionRecord[] | null;
}

const EMPTY: readonly SessionRecord[] = Object.freeze([]);

export class ConversationIndex {
  #byConv = new Map<string, Entry>();
  /** Records looked at by add/drop since created: the work the O(batch) test counts. */
  visited = 0;

  /** Conversations with at least one record held. */
  get size(): number {
    return this.#byConv.size;
  }

  add(r: SessionRecord): void {
    if (!r.conv) return;
    let e = this.#byConv.get(r.conv);
    if (!e) this.#byConv.set(r.conv, (e = { list: [], dropped: 0, view: null }));
    const list = e.list;
    let i = list.length;
    while (i > 0 && later(list[i - 1]!, r)) {
      i--;
      this.visited++;
    }
    if (i === list.length) list.push(r);
    else list.splice(i, 0, r);
    e.view = null;
    this.visited++;
  }

  /** Puts `now` in place of `was` (the same record, corrected). */
  replace(was: SessionRecord, now: SessionRecord): void {
    const e = was.conv ? this.#byConv.get(was.conv) : undefined;
    const i = e ? e.list.lastIndexOf(was) : -1;
    if (!e || i < 0) return;
    e.list[i] = now;
    e.view = null;
  }

  /** `r` left the store (oldest first); `firstHeld` is the oldest record number still held. */
  drop(r: SessionRecord, firstHeld: number): void {
    this.visited++;
    const e = r.conv ? this.#byConv.get(r.conv) : undefined;
    if (!e) return;
    e.dropped++;
    e.view = null;
    if (e.dropped >= e.list.length) this.#byConv.delete(r.conv!);
    else if (e.dropped > 32 && e.dropped * 2 > e.list.length) {
      // Paid for by the drops that came before it: O(1) per record, amortised.
      this.visited += e.list.length;
      e.list = e.list.filter((x) => x.recNo >= firstHeld);
      e.dropped = 0;
    }
  }

  /** The records of `conv` held, in time order (the same array until the conversation changes). */
  records(conv: string, firstHeld: number): readonly SessionRecord[] {
    const e = this.#byConv.get(conv);
    if (!e) return EMPTY;
    e.view ??= Object.freeze(
      e.dropped > 0 ? e.list.filter((x) => x.recNo >= firstHeld) : e.list.slice(),
    );
    return e.view;
  }

  clear(): void {
    this.#byConv.clear();
  }
}

function later(a: SessionRecord, b: SessionRecord): boolean {
  return a.time > b.time || (a.time === b.time && a.recNo > b.recNo);
}
