/** Lowercase hex of a byte range, for payload previews. */

/** Two-digit text of every byte value, so each byte costs one append. */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function toHex(d: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += BYTE_HEX[d[i]!]!;
  return s;
}
