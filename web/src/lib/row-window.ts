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

/**
 * Rows of equal `rowHeight` starting `offset` px down the scroll container; `overscan` rows are
 * drawn beyond each edge so fast scrolling shows no gap. Works across as well (widths, scrollLeft).
 */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewHeight: number,
  offset = 0,
  overscan = 30,
  drawAllUpTo = DRAW_ALL_UP_TO,
): RowWindow {
  if (count <= drawAllUpTo || rowHeight <= 0) return { start: 0, end: count };
  const first = Math.floor((scrollTop - offset) / rowHeight) - overscan;
  const last = Math.ceil((scrollTop - offset + viewHeight) / rowHeight) + overscan;
  const start = Math.min(Math.max(first, 0), count);
  return { start, end: Math.min(Math.max(last, start), count) };
}
