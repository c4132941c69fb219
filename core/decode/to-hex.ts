/** Lowercase hex of a byte range, for payload previews. */

const DIGITS = '0123456789abcdef';

export function toHex(d: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const b = d[i]!;
    s += DIGITS[b >> 4]! + DIGITS[b & 15]!;
  }
  return s;
}
