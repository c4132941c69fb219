import { describe, expect, it } from 'vitest';
import { textUnits } from './text-width.ts';

describe('textUnits', () => {
  it.each([
    { text: 'peer end (FIN in)', units: 17 },
    { text: '对方结束（收到 FIN）', units: 8 * 1.6 + 4 },
    { text: '', units: 0 },
  ])('"$text" → $units', ({ text, units }) => {
    expect(textUnits(text)).toBeCloseTo(units);
  });
});
