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
      name: 'projector, 23 rows share 626 px: still all on screen',
      input: { ...base, rows: 23 },
      font: 20,
      rowHeight: 25,
    },
    {
      name: 'too many rows: never under a pill and a gap',
      input: { ...base, rows: 200 },
      font: 20,
      rowHeight: 25,
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
    // Pills (1.2 lines tall) of neighbouring rows never touch.
    expect(s.rowHeight).toBeGreaterThan(s.font * 1.2);
  });

  it('the rows of the classic exchange, 22 or 23, fit 720 px in projector mode', () => {
    for (const rows of [22, 23]) {
      const s = ladderSizes({ ...base, rows });
      expect(rows * s.rowHeight + s.lanesHeight + 4).toBeLessThanOrEqual(base.viewHeight);
    }
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
