import { describe, expect, it } from 'vitest';
import { phaseBands } from './phase-bands.ts';

describe('phaseBands', () => {
  const cases = [
    { name: 'no phase starts: no bands', rows: [{ y: 20 }, { y: 60 }], expected: [] },
    {
      name: 'setup, data, close: each band ends where the next begins, the last at the bottom',
      rows: [
        { y: 20 },
        { y: 60, phaseStart: 'setup' as const },
        { y: 100 },
        { y: 140, phaseStart: 'data' as const },
        { y: 180, phaseStart: 'close' as const },
        { y: 220 },
      ],
      expected: [
        { phase: 'setup', y0: 40, y1: 120 },
        { phase: 'data', y0: 120, y1: 160 },
        { phase: 'close', y0: 160, y1: 250 },
      ],
    },
  ];
  it.each(cases)('$name', ({ rows, expected }) => {
    expect(phaseBands(rows, 40, 250)).toEqual(expected);
  });
});
