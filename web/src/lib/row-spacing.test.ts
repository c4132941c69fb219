import { describe, expect, it } from 'vitest';
import { firstRowBelow, MAX_GAP_ROWS, ROW_TIME_US, rowPositions } from './row-spacing.ts';

describe('rowPositions', () => {
  it.each([
    {
      name: 'even: one row height each, whatever the gaps',
      times: [0, 4, 25_000],
      spacing: 'even' as const,
      expected: { ys: [15, 35, 55], bottom: 65, gaps: [] },
    },
    {
      name: 'time: a gap of one ROW_TIME_US adds one row height',
      times: [0, ROW_TIME_US],
      spacing: 'time' as const,
      expected: { ys: [15, 55], bottom: 65, gaps: [] },
    },
    {
      name: 'time: 4 µs adds almost nothing',
      times: [0, 4],
      spacing: 'time' as const,
      expected: { ys: [15, 35.016], bottom: 45.016, gaps: [] },
    },
    {
      name: 'time: a long gap is capped and marked',
      times: [0, 2_000_000, 2_000_001],
      spacing: 'time' as const,
      expected: {
        ys: [15, 95, 115.004],
        bottom: 125.004,
        gaps: [{ y: 25 + (MAX_GAP_ROWS * 20) / 2, us: 2_000_000 }],
      },
    },
  ])('$name', ({ times, spacing, expected }) => {
    const got = rowPositions(times, 20, 5, spacing);
    expect(got.ys.map((y) => +y.toFixed(3))).toEqual(expected.ys);
    expect(+got.bottom.toFixed(3)).toBe(expected.bottom);
    expect(got.gaps).toEqual(expected.gaps);
  });
});

describe('firstRowBelow', () => {
  it.each([
    { y: 0, expected: 0 },
    { y: 26, expected: 1 },
    { y: 1000, expected: 3 },
  ])('y=$y → row $expected', ({ y, expected }) => {
    expect(firstRowBelow([15, 35, 55], 20, y)).toBe(expected);
  });
});
