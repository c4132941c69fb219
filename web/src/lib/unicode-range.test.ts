import { describe, expect, it } from 'vitest';
import { coversAny, parseUnicodeRange } from './unicode-range.ts';

describe('parseUnicodeRange', () => {
  it.each([
    {
      name: 'single and spans',
      input: 'U+0000-00FF, U+0131',
      expected: [
        [0, 0xff],
        [0x131, 0x131],
      ],
    },
    { name: 'wildcards', input: 'u+4??', expected: [[0x400, 0x4ff]] },
    { name: 'junk skipped', input: 'U+zz, U+20AC', expected: [[0x20ac, 0x20ac]] },
  ])('$name', ({ input, expected }) => {
    expect(parseUnicodeRange(input)).toEqual(expected);
  });
});

describe('coversAny', () => {
  const cjk = parseUnicodeRange('U+5ba2, U+6237-6238');
  it.each([
    { name: 'a character of the slice', text: '客户端', expected: true },
    { name: 'none of its characters', text: 'client', expected: false },
  ])('$name', ({ text, expected }) => {
    expect(coversAny(cjk, new Set([...text].map((c) => c.codePointAt(0)!)))).toBe(expected);
  });
  it('an empty range covers any text', () => {
    expect(coversAny([], new Set([0x41]))).toBe(true);
  });
});
