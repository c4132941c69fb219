/** The one hex helper for byte fixtures: whitespace is ignored, anything else must be hex. */
export function hex(text: string): Uint8Array {
  const digits = text.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) throw new Error(`not an even run of hex digits: ${text}`);
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Joins commented fixture fields into one hex string. */
export function fields(...parts: string[]): string {
  return parts.join(' ');
}

/** A run of `n` zero bytes, for the long empty stretches of real frames. */
export function zeros(n: number): string {
  return '00 '.repeat(n);
}
