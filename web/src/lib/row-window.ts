/**
 * Which rows of a long list to draw: only those near the viewport, so a conversation of tens of
 * thousands of records scrolls as smoothly as one of ten. Short lists are drawn whole.
 */

/** Lists up to this long are drawn whole (selection, search and tests see every row). */
export const DRAW_ALL_UP_TO = 300;

export interface RowWindow {
  /** First row drawn. */
  start: number;
  /** One past the last row drawn. */
  end: number;
}

/** Rows the table and the ladder draw beyond each edge, and the step the ladder's window moves by. */
export const SCROLL_OVERSCAN = 8;
export const SCROLL_BLOCK = 32;
/**
 * The step the steps table's window moves by. A move makes that many rows and lays the whole
 * table out again (a table's columns depend on every row): with 32, a move frame of the
 * 1,000,000-packet file took 15-20 ms and dropped while the others took 2-4 ms; with 16 the
 * table holds 48 rows instead of 64 and each move makes half as many, so a move frame stays
 * within a frame (traced: frame p90 18-20 ms → 11-12 ms at a load average of 10). Moving row by
 * row made every frame lay the table out (p90 14 ms, ~35 % more time a frame).
 */
export const TABLE_SCROLL_BLOCK = 16;

/**
 * Rows of equal `rowHeight` starting `offset` px down the scroll container; `overscan` rows are
 * drawn beyond each edge so fast scrolling shows no gap. Works across as well (widths, scrollLeft).
 * With `block` > 1 the window's edges move in steps of `block` rows: scrolling changes the DOM
 * (and lays out the list again) once per `block` rows instead of on every frame.
 */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewHeight: number,
  offset = 0,
  overscan = 30,
  drawAllUpTo = DRAW_ALL_UP_TO,
  block = 1,
): RowWindow {
  if (count <= drawAllUpTo || rowHeight <= 0) return { start: 0, end: count };
  const first = Math.floor((scrollTop - offset) / rowHeight) - overscan;
  const last = Math.ceil((scrollTop - offset + viewHeight) / rowHeight) + overscan;
  const b = Math.max(1, Math.floor(block));
  if (b > 1) {
    // Both edges follow the start's block, so the window changes only when that does.
    const from = Math.floor(first / b) * b;
    const rows = Math.ceil(viewHeight / rowHeight) + 1 + 2 * overscan;
    const span = Math.ceil((rows + b) / b) * b;
    const start = Math.min(Math.max(from, 0), count);
    return { start, end: Math.min(Math.max(from + span, start), count) };
  }
  const start = Math.min(Math.max(first, 0), count);
  return { start, end: Math.min(Math.max(last, start), count) };
}

/**
 * The rows of a list whose rows sit at increasing `ys` (row centres, px; spaced by time, not
 * evenly) that fall within [top - margin, top + height + margin]: found by binary search, so a
 * scroll step costs O(log rows) whatever the list holds.
 */
export function rowWindowByY(
  ys: readonly number[],
  top: number,
  height: number,
  margin: number,
): RowWindow {
  if (ys.length <= DRAW_ALL_UP_TO) return { start: 0, end: ys.length };
  const firstAtOrAfter = (y: number) => {
    let lo = 0;
    let hi = ys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ys[mid]! < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = firstAtOrAfter(top - margin);
  return { start, end: Math.max(start, firstAtOrAfter(top + height + margin)) };
}
