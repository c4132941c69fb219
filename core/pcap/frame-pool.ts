/**
 * Copies frame bytes into shared 64 KiB slabs: one allocation per many frames, as Node's Buffer pool
 * does, since a typed array allocation per frame costs more than reading the frame. A frame keeps
 * at most one slab alive; large frames get their own buffer.
 */

const SLAB = 64 * 1024;
const OWN_BUFFER_ABOVE = 8 * 1024;
/** Up to this many bytes a loop copies faster than a view and set() (no view to collect). */
const COPY_BY_BYTE = 256;

export class FramePool {
  private slab = new Uint8Array(0);
  private used = 0;

  copy(bytes: Uint8Array): Uint8Array {
    return this.copyRange(bytes, 0, bytes.length);
  }

  /** Bytes `from` to `to` of `source`, copied (without a view of the source made for it). */
  copyRange(source: Uint8Array, from: number, to: number): Uint8Array {
    const n = to - from;
    if (n > OWN_BUFFER_ABOVE) return source.slice(from, to);
    if (this.used + n > this.slab.length) {
      this.slab = new Uint8Array(SLAB);
      this.used = 0;
    }
    const slab = this.slab;
    const at = this.used;
    if (n <= COPY_BY_BYTE) for (let i = 0; i < n; i++) slab[at + i] = source[from + i]!;
    else slab.set(source.subarray(from, to), at);
    // 8-byte alignment lets callers lay wider typed arrays over a frame's bytes.
    this.used += (n + 7) & ~7;
    return slab.subarray(at, at + n);
  }
}
