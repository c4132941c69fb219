/**
 * Pending input bytes of a streaming reader: reads straight from the caller's chunk when it can and
 * copies only the bytes of the unit still incomplete, so memory stays at one block plus one chunk.
 */

const EMPTY: Uint8Array = new Uint8Array(0);

export class ByteQueue {
  private own: Uint8Array = EMPTY;
  private ownStart = 0;
  private ownEnd = 0;
  private borrowed: Uint8Array = EMPTY;
  private borrowedPos = 0;

  get available(): number {
    return this.ownEnd - this.ownStart + this.borrowed.length - this.borrowedPos;
  }

  /** Lends a chunk; call release() before the caller gets control back. */
  push(chunk: Uint8Array): void {
    this.release();
    this.borrowed = chunk;
    this.borrowedPos = 0;
  }

  /** The array the last `reach` found its bytes in (valid until the next call). */
  held: Uint8Array = EMPTY;

  /** The next n bytes as one contiguous view (valid until the next call), or undefined if short. */
  peek(n: number): Uint8Array | undefined {
    const at = this.reach(n);
    return at < 0 ? undefined : this.held.subarray(at, at + n);
  }

  /**
   * Where the next n bytes start, contiguous, in `held` (-1 when fewer are there): peek without
   * making a view, for a reader that takes a few numbers out of every record.
   */
  reach(n: number): number {
    if (this.available < n) return -1;
    const ownLen = this.ownEnd - this.ownStart;
    if (ownLen === 0) {
      this.held = this.borrowed;
      return this.borrowedPos;
    }
    if (ownLen < n) this.moveBorrowed(n - ownLen);
    this.held = this.own;
    return this.ownStart;
  }

  skip(n: number): void {
    const fromOwn = Math.min(n, this.ownEnd - this.ownStart);
    this.ownStart += fromOwn;
    if (this.ownStart === this.ownEnd) this.ownStart = this.ownEnd = 0;
    this.borrowedPos += n - fromOwn;
  }

  /** Copies what is left of the lent chunk, so the caller may reuse it. */
  release(): void {
    this.moveBorrowed(this.borrowed.length - this.borrowedPos);
    this.borrowed = this.held = EMPTY;
    this.borrowedPos = 0;
  }

  private moveBorrowed(n: number): void {
    if (n <= 0) return;
    this.reserve(n);
    this.own.set(this.borrowed.subarray(this.borrowedPos, this.borrowedPos + n), this.ownEnd);
    this.ownEnd += n;
    this.borrowedPos += n;
  }

  private reserve(n: number): void {
    const used = this.ownEnd - this.ownStart;
    if (this.ownEnd + n <= this.own.length) return;
    if (used + n <= this.own.length) {
      this.own.copyWithin(0, this.ownStart, this.ownEnd);
    } else {
      const bigger = new Uint8Array(
        Math.max(used + n, Math.min(this.own.length * 2, used + n + (1 << 20)), 256),
      );
      bigger.set(this.own.subarray(this.ownStart, this.ownEnd));
      this.own = bigger;
    }
    this.ownStart = 0;
    this.ownEnd = used;
  }
}
