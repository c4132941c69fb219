/**
 * A scroll container that keeps to its bottom (the newest row) while the user has not scrolled
 * away from it, and knows its scroll position and height so long lists can draw only the rows in
 * view. The ladder and the table both scroll this way.
 */
import { tick } from 'svelte';

export class StickToBottom {
  /** The scroll container, set with `bind:this`. */
  el = $state<HTMLElement>();
  /** The user is at the bottom: new rows scroll into view. */
  atBottom = $state(true);
  /** Scroll position, px. */
  scrollTop = $state(0);
  /** Visible height, set with `bind:clientHeight`. */
  viewHeight = $state(600);
  /** Called when the user scrolls up into the top `edgePx` (-1) or down into the bottom (+1). */
  onedge: ((dir: -1 | 1) => void) | null = null;
  /** Called on every scroll the user made (not the page's own), before any edge. */
  onuser: (() => void) | null = null;
  edgePx = 600;
  /** The next scroll event is one the page made (following, revealing): no edge from it. */
  #own = false;

  onscroll = (): void => {
    const el = this.el;
    if (!el) return;
    const was = this.scrollTop;
    const top = el.scrollTop;
    const bottom = el.scrollHeight - el.clientHeight - top;
    const following = this.atBottom;
    this.atBottom = bottom <= 8;
    this.scrollTop = top;
    const own = this.#own;
    this.#own = false;
    if (own) return;
    this.onuser?.();
    if (!this.onedge) return;
    if (top < was && top < this.edgePx) this.onedge(-1);
    else if (top > was && bottom < this.edgePx && !following) this.onedge(1);
  };

  /** Scrolls to the newest row and follows again. */
  toBottom = (): void => {
    if (this.el) this.scrollOwn(this.el.scrollHeight);
    this.atBottom = true;
  };

  /** Scrolls to `top` for the page's own reasons (no edge is reached by it). */
  scrollOwn(top: number): void {
    const el = this.el;
    if (!el) return;
    const to = Math.max(0, Math.min(top, el.scrollHeight - el.clientHeight));
    if (Math.abs(el.scrollTop - to) < 1) return; // no scroll event would come
    this.#own = true;
    el.scrollTop = to;
  }

  /** After new rows were drawn: follow them if the user was at the bottom. */
  rowsChanged(): void {
    if (this.atBottom) void tick().then(this.toBottom);
  }

  /**
   * Brings the span [top, bottom] (px, from the top of what follows a sticky head of `head` px)
   * fully into view below that head, scrolling as little as possible.
   */
  revealSpan(top: number, bottom: number, head: number): void {
    const el = this.el;
    if (!el) return;
    const from = top + head;
    const to = bottom + head;
    if (from < el.scrollTop + head) el.scrollTop = from - head;
    else if (to > el.scrollTop + el.clientHeight) el.scrollTop = to - el.clientHeight;
  }

  /** Brings a record's row into view: its element when drawn, else its position `y()` (px). */
  reveal(recNo: number, y: () => number | undefined): void {
    const row = this.el?.querySelector(`[data-record="${recNo}"]`);
    if (row) row.scrollIntoView({ block: 'nearest' });
    else if (this.el) {
      const at = y();
      if (at !== undefined) this.scrollOwn(at - this.viewHeight / 2);
    }
  }
}
