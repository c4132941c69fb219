/**
 * The height of one row of a long list, told by a ResizeObserver watching one drawn row instead of
 * read from the layout on every draw: it changes only with the font, the zoom or projector mode,
 * and the observer reports it after layout without forcing one.
 */

/**
 * A row is considered resized when its height moves by more than this (px): any change the
 * layout can make (it works in 1/64 px). The spacers are sized with this height, so an error of
 * half a pixel grew to 8 px every 16 rows drawn, and the browser's scroll anchoring scrolled the
 * table back by that much after each move of the window (one more scroll, restyle and layout).
 */
const EPSILON = 1 / 128;

export class RowHeight {
  /** Height of one row, px (the estimate until a row was observed). */
  px = $state(30);
  #observer: ResizeObserver | undefined;
  #row: Element | null = null;

  constructor(estimate = 30) {
    this.px = estimate;
  }

  /**
   * After a draw: keeps watching the row it watches while it is in the page and still matches
   * `selector` (no layout either way), else starts watching the first element matching `selector`
   * in `container`. The observer reports a row's size once when watched, then on every change.
   */
  watch(container: ParentNode | undefined, selector: string): void {
    if (this.#row?.isConnected && this.#row.matches(selector)) return;
    const row = container?.querySelector(selector) ?? null;
    if (row === this.#row) return;
    if (this.#row) this.#observer?.unobserve(this.#row);
    this.#row = row;
    if (!row || typeof ResizeObserver !== 'function') return;
    this.#observer ??= new ResizeObserver((entries) => {
      const e = entries[entries.length - 1]!;
      const h = e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height;
      if (h > 0 && Math.abs(h - this.px) > EPSILON) this.px = h;
    });
    this.#observer.observe(row);
  }

  /** Stops watching (the list is gone). */
  disconnect(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#row = null;
  }
}
