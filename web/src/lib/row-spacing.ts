/**
 * Where each ladder row sits vertically: evenly spaced, or spaced by the time between records
 * (so 25 ms and 4 µs no longer look alike) with long gaps compressed and marked.
 */

/** How rows are spaced. */
export type RowSpacing =
  | 'even' // one row height each
  | 'time'; // one row height plus room proportional to the gap before it, capped

/** A gap drawn shorter than it was: where it sits (px, between rows) and how long it was (µs). */
export interface CompressedGap {
  y: number;
  us: number;
}

export interface RowPositions {
  /** Centre of each row (px). */
  ys: number[];
  /** End of the last row (px). */
  bottom: number;
  gaps: CompressedGap[];
}

/** Time worth one extra row height in 'time' spacing (µs). */
export const ROW_TIME_US = 5000;
/** Most extra room a gap gets, in row heights; longer gaps are cut to this and marked. */
export const MAX_GAP_ROWS = 3;

/** `times` in µs, in order; `top` is where the first row begins. */
export function rowPositions(
  times: readonly number[],
  rowHeight: number,
  top: number,
  spacing: RowSpacing,
): RowPositions {
  const ys: number[] = [];
  const gaps: CompressedGap[] = [];
  let edge = top; // top of the next row
  times.forEach((time, i) => {
    if (spacing === 'time' && i > 0) {
      const us = Math.max(0, time - times[i - 1]!);
      const rows = us / ROW_TIME_US;
      if (rows > MAX_GAP_ROWS) {
        gaps.push({ y: edge + (MAX_GAP_ROWS * rowHeight) / 2, us });
        edge += MAX_GAP_ROWS * rowHeight;
      } else edge += rows * rowHeight;
    }
    ys.push(edge + rowHeight / 2);
    edge += rowHeight;
  });
  return { ys, bottom: edge, gaps };
}

/** Index of the first row whose bottom is below `y` (binary search; rows in order). */
export function firstRowBelow(ys: readonly number[], rowHeight: number, y: number): number {
  let lo = 0;
  let hi = ys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ys[mid]! + rowHeight / 2 < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
