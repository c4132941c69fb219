import { describe, expect, it } from 'vitest';
import {
  DRAW_ALL_UP_TO,
  rowWindow,
  rowWindowByY,
  SCROLL_OVERSCAN,
  TABLE_SCROLL_BLOCK,
} from './row-window.ts';

describe('rowWindow', () => {
  it.each([
    {
      name: 'a short list is drawn whole',
      count: DRAW_ALL_UP_TO,
      row: 50,
      top: 5000,
      offset: 0,
      expected: { start: 0, end: DRAW_ALL_UP_TO },
    },
    {
      name: 'top of a long list',
      count: 10_000,
      row: 50,
      top: 0,
      offset: 0,
      expected: { start: 0, end: 38 },
    },
    {
      name: 'middle of a long list',
      count: 10_000,
      row: 50,
      top: 100_000,
      offset: 0,
      expected: { start: 1970, end: 2038 },
    },
    {
      name: 'bottom of a long list',
      count: 10_000,
      row: 50,
      top: 499_600,
      offset: 0,
      expected: { start: 9962, end: 10_000 },
    },
    {
      name: 'scrolled past the end',
      count: 10_000,
      row: 50,
      top: 900_000,
      offset: 0,
      expected: { start: 10_000, end: 10_000 },
    },
    {
      name: 'rows start below a header',
      count: 10_000,
      row: 50,
      top: 100_000,
      offset: 60,
      expected: { start: 1968, end: 2037 },
    },
    {
      name: 'no row height yet',
      count: 10_000,
      row: 0,
      top: 0,
      offset: 0,
      expected: { start: 0, end: 10_000 },
    },
  ])('$name', ({ count, row, top, offset, expected }) => {
    expect(rowWindow(count, row, top, 400, offset)).toEqual(expected);
  });

  it('moves its edges in blocks, so most scroll steps leave the drawn rows as they are', () => {
    const at = (top: number) => rowWindow(10_000, 30, top, 400, 0, 8, DRAW_ALL_UP_TO, 32);
    expect(at(30_000)).toEqual({ start: 992, end: 1056 });
    // 8 rows further down (one fast frame): the same window.
    expect(at(30_240)).toEqual(at(30_000));
    // Past the block edge: the next one, the view still inside with its overscan.
    expect(at(31_000)).toEqual({ start: 1024, end: 1088 });
    expect(at(0)).toEqual({ start: 0, end: 32 });
  });
});

describe("the table's window", () => {
  it('holds the view and its overscan at every scroll step, in at most 48 rows', () => {
    const moves = new Set<number>();
    for (let top = 0; top < 60_000; top += 240) {
      const w = rowWindow(
        10_000,
        30,
        top,
        400,
        0,
        SCROLL_OVERSCAN,
        DRAW_ALL_UP_TO,
        TABLE_SCROLL_BLOCK,
      );
      expect(w.start).toBeLessThanOrEqual(Math.max(0, Math.floor(top / 30) - SCROLL_OVERSCAN));
      expect(w.end).toBeGreaterThanOrEqual(Math.ceil((top + 400) / 30) + SCROLL_OVERSCAN);
      expect(w.end - w.start).toBeLessThanOrEqual(48);
      moves.add(w.start);
    }
    // 8 rows a step, a new window every 16 rows: every other step.
    expect(moves.size).toBe(60_000 / 30 / 16);
  });
});

describe('rowWindowByY', () => {
  // Rows spaced by time: 10 px apart, with a long gap of 5,000 px after row 999.
  const ys = Array.from({ length: 2000 }, (_, i) => i * 10 + (i >= 1000 ? 5000 : 0));

  it.each([
    { name: 'top of the list', top: 0, expected: { start: 0, end: 50 } },
    { name: 'middle', top: 4000, expected: { start: 390, end: 450 } },
    { name: 'inside the gap: nothing', top: 11_000, expected: { start: 1000, end: 1000 } },
    { name: 'after the gap', top: 15_000, expected: { start: 1000, end: 1050 } },
  ])('$name', ({ top, expected }) => {
    expect(rowWindowByY(ys, top, 400, 100)).toEqual(expected);
  });

  it('a short list is drawn whole', () => {
    expect(rowWindowByY([1, 2, 3], 500, 10, 0)).toEqual({ start: 0, end: 3 });
  });
});
