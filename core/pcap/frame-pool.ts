/**
 * Copies frame bytes into shared 64 KiB slabs: one allocation per many frames, as Node's Buffer pool
 * does, since a typed array allocation per frame costs more than reading the frame. A frame keeps
 * at most one slab alive; large frames get their own buffer.
 */

const SLAB = 64 * 1024;
const OWN_BUFFER_ABOVE = 8 * 1024;

export class FramePool {
  private slab = new Uint8Array(0);
  private used = 0;

  copy(bytes: Uint8Array): Uint8Array {
    if (bytes.length > OWN_BUFFER_ABOVE) return bytes.slice();
    if (this.used + bytes.length > this.slab.length) {
      this.slab = new Uint8Array(SLAB);
      this.used = 0;
    }
    const out = this.slab.subarray(this.used, this.used + bytes.length);
    out.set(bytes);
    // 8-byte alignment lets callers lay wider typed arrays over a frame's bytes.
    this.used += (bytes.length + 7) & ~7;
    return out;
  }
}
