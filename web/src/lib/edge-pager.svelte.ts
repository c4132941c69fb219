/**
 * "All records" is a window of a longer session or file: scrolling up into its top edge (or down
 * into its bottom) asks for the records before (after), and the row the user was looking at is
 * pinned where it was, so scrolling goes on through the whole session. The pin holds until the
 * user scrolls again: records arriving meanwhile (which slide the newest window) and the window's
 * move itself, whenever it lands, leave that row in place.
 */
import type { StickToBottom } from './stick-to-bottom.svelte.ts';

/** How a list places its records: the record at a scroll position, and a record's position. */
export interface RowPlaces {
  recNoAt(y: number): number | undefined;
  yOf(recNo: number): number | undefined;
}

export class EdgePager {
  #follower: StickToBottom;
  #places: RowPlaces;
  #pin: { recNo: number; offset: number } | null = null;

  constructor(follower: StickToBottom, places: RowPlaces) {
    this.#follower = follower;
    this.#places = places;
  }

  /** At an edge: pins the row at the top of the view, and `page(dir)` moves the window. */
  edge(dir: -1 | 1, page: (dir: -1 | 1) => Promise<boolean>): void {
    const top = this.#follower.scrollTop;
    const recNo = this.#places.recNoAt(top);
    const y = recNo === undefined ? undefined : this.#places.yOf(recNo);
    if (recNo === undefined || y === undefined) return;
    this.#pin = { recNo, offset: top - y };
    void page(dir);
  }

  /** The user scrolled, or the view shows something else: nothing is pinned any more. */
  release(): void {
    this.#pin = null;
  }

  /** After the rows changed: puts the pinned row back where it was. */
  restore(): void {
    const p = this.#pin;
    if (!p || !this.#follower.el) return;
    const y = this.#places.yOf(p.recNo);
    if (y !== undefined) this.#follower.scrollOwn(y + p.offset);
  }
}
