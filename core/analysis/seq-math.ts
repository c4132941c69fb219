/** Sequence-number arithmetic modulo 2^32, so comparisons survive wraparound. @see RFC 9293 §3.4 */

/** `a - b` as an unsigned 32-bit distance. */
export function seqSub(a: number, b: number): number {
  return (a - b) >>> 0;
}

/** `a + n` wrapped to 32 bits. */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

/** Signed distance from b to a: positive when a is after b. */
function delta(a: number, b: number): number {
  return (a - b) | 0;
}

export const seqLt = (a: number, b: number): boolean => delta(a, b) < 0;
export const seqLe = (a: number, b: number): boolean => delta(a, b) <= 0;
export const seqGt = (a: number, b: number): boolean => delta(a, b) > 0;
export const seqGe = (a: number, b: number): boolean => delta(a, b) >= 0;
