/** Big- and little-endian integer reads; callers check lengths first. */

export function u16(d: Uint8Array, o: number): number {
  return (d[o]! << 8) | d[o + 1]!;
}

export function u32(d: Uint8Array, o: number): number {
  return ((d[o]! << 24) | (d[o + 1]! << 16) | (d[o + 2]! << 8) | d[o + 3]!) >>> 0;
}

export function u32le(d: Uint8Array, o: number): number {
  return ((d[o + 3]! << 24) | (d[o + 2]! << 16) | (d[o + 1]! << 8) | d[o]!) >>> 0;
}

export function u16le(d: Uint8Array, o: number): number {
  return (d[o + 1]! << 8) | d[o]!;
}
