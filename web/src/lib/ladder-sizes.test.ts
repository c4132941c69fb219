import { describe, expect, it } from 'vitest';
import { ladderSizes, type SizeInput } from './ladder-sizes.ts';

const base: SizeInput = {
  projector: true,
  rows: 22,
  viewHeight: 626,
  fit: true,
  leftRoom: 150,
  rightRoom: 190,
};

describe('ladderSizes', () => {
  it.each([
    { name: 'projector, 22 rows share 626 px', input: base, font: 20, rowHeight: 26 },
    {
      name: 'normal mode, same height: taller rows',
      input: { ...base, projector: false },
      font: 16,
      rowHeight: 26,
    },
    {
      name: 'too many rows: never under one line',
      input: { ...base, rows: 200 },
      font: 20,
      rowHeight: 26,
    },
    {
      name: 'few rows: no taller than 2.4 lines',
      input: { ...base, rows: 3 },
      font: 20,
      rowHeight: 48,
    },
    {
      name: 'fit off: a fixed comfortable height',
      input: { ...base, fit: false },
      font: 20,
      rowHeight: 34,
    },
  ])('$name', ({ input, font, rowHeight }) => {
    const s = ladderSizes(input);
    expect(s.font).toBe(font);
    expect(s.rowHeight).toBe(rowHeight);
    expect(s.rowHeight).toBeGreaterThanOrEqual(s.font * 1.3);
  });

  it('leaves the measured room outside each outer lifeline, and a little more', () => {
    const s = ladderSizes(base);
    expect(s.insetLeft).toBe(156);
    expect(s.insetRight).toBe(196);
    // Nothing to show: still room for a short pill.
    const empty = ladderSizes({ ...base, leftRoom: 0, rightRoom: 0 });
    expect(empty.insetLeft).toBe(Math.round(4 * 20 * 0.61 + 6));
  });
});
