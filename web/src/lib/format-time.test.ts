import { describe, expect, it } from 'vitest';
import { formatDeltaShort, formatSeconds } from './format-time.ts';

describe('formatDeltaShort', () => {
  it.each([
    { us: null, text: '' },
    { us: 4, text: '+4µs' },
    { us: 78, text: '+78µs' },
    { us: 999, text: '+999µs' },
    { us: 8312, text: '+8.3ms' },
    { us: 13_299, text: '+13ms' },
    { us: 999_000, text: '+999ms' },
    { us: 2_500_000, text: '+2.50s' },
    { us: 99_990_000, text: '+100s' },
    { us: 42_000_000, text: '+42.0s' },
    { us: 120_000_000, text: '+120s' },
    { us: -300, text: '−300µs' },
  ])('$us µs → "$text" (6 characters at most)', ({ us, text }) => {
    expect(formatDeltaShort(us)).toBe(text);
    expect(formatDeltaShort(us).length).toBeLessThanOrEqual(6);
  });
});

describe('formatSeconds', () => {
  it('counts from the given zero', () => {
    expect(formatSeconds(1_000_078, 1_000_000)).toBe('0.000');
    expect(formatSeconds(1_054_000, 1_000_000)).toBe('0.054');
  });
});
