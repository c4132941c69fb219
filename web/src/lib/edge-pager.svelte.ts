/**
 * "All records" is a window of a longer session or file: scrolling up into its top edge (or down
 * into its bottom) asks for the records before (after), and once they are drawn the row the user
 * was looking at is put back where it was, so scrolling goes on through the whole session.
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
  #pending: { recNo: number; offset: number; was: number } | null = null;

  constructor(follower: StickToBottom, places: RowPlaces) {
    this.#follower = follower;
    this.#places = places;
  }

  /** At an edge: `page(dir)` moves the window; then the row at the top of the view stays put. */
  edge(dir: -1 | 1, page: (dir: -1 | 1) => Promise<boolean>): void {
    const top = this.#follower.scrollTop;
    const recNo = this.#places.recNoAt(top);
    const y = recNo === undefined ? undefined : this.#places.yOf(recNo);
    if (recNo === undefined || y === undefined) return;
    void page(dir).then((moved) => {
      if (!moved) return;
      this.#pending = { recNo, offset: top - y, was: y };
      this.restore();
    });
  }

  /** After the rows changed: once the anchor row moved, scrolls so that it is back in place. */
  restore(): void {
    const p = this.#pending;
    if (!p || !this.#follower.el) return;
    const y = this.#places.yOf(p.recNo);
    if (y === p.was) return; // not redrawn yet
    this.#pending = null;
    if (y !== undefined) this.#follower.scrollOwn(y + p.offset);
  }
}
