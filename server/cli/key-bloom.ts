/**
 * A Bloom filter of strings: `has` is true for every key added and, rarely, for one that was not
 * (never false for an added key). Fixed memory however many keys go in.
 */

/** Two independent 32-bit FNV-1a hashes of `s` (different offsets), for double hashing. */
function hashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}

export class KeyBloom {
  readonly #bits: Uint32Array;
  readonly #mask: number;
  readonly #probes: number;

  /** 2^log2Bits bits (log2Bits ≥ 5), `probes` bits set per key. */
  constructor(log2Bits: number, probes: number) {
    this.#bits = new Uint32Array(2 ** (log2Bits - 5));
    this.#mask = 2 ** log2Bits - 1;
    this.#probes = probes;
  }

  add(key: string): void {
    const [a, b] = hashes(key);
    for (let i = 0; i < this.#probes; i++) {
      const bit = (a + Math.imul(i, b)) & this.#mask;
      this.#bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  has(key: string): boolean {
    const [a, b] = hashes(key);
    for (let i = 0; i < this.#probes; i++) {
      const bit = (a + Math.imul(i, b)) & this.#mask;
      if ((this.#bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}
