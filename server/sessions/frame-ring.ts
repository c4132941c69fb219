/**
 * The raw bytes of a session's packets, kept so the session can be saved as pcapng. Bounded in
 * count and in bytes: the oldest frames go first, like the records they belong to.
 */
import type { WritableFrame } from '../../core/pcap/index.ts';

export class FrameRing {
  private frames: WritableFrame[] = [];
  private start = 0; // index of the oldest frame still held
  private bytes = 0;
  /** Number (from 1, in push order) of the oldest frame still held. */
  private firstNo: number;

  /** `firstNo`: the number of the first frame pushed (a new live session goes on counting). */
  constructor(
    private readonly maxFrames: number,
    private readonly maxBytes: number,
    firstNo = 1,
  ) {
    this.firstNo = firstNo;
  }

  /** The number the next frame pushed gets. */
  get nextNo(): number {
    return this.firstNo + this.size;
  }

  push(frame: WritableFrame): void {
    this.frames.push(frame);
    this.bytes += frame.data.length;
    while (
      this.frames.length - this.start > this.maxFrames ||
      (this.bytes > this.maxBytes && this.size > 1)
    ) {
      this.bytes -= this.frames[this.start]!.data.length;
      this.frames[this.start++] = undefined as unknown as WritableFrame;
      this.firstNo++;
    }
    this.compact();
  }

  /** Compacts now and then so the array does not keep growing at the front. */
  private compact(): void {
    if (this.start > 1024 && this.start * 2 > this.frames.length) {
      this.frames = this.frames.slice(this.start);
      this.start = 0;
    }
  }

  /** Forgets the frames numbered below `no` (their records were dropped). */
  dropBefore(no: number): void {
    while (this.size > 0 && this.firstNo < no) {
      this.bytes -= this.frames[this.start]!.data.length;
      this.frames[this.start++] = undefined as unknown as WritableFrame;
      this.firstNo++;
    }
    this.compact();
  }

  /** Number of the oldest frame held (the next one pushed, when none is). */
  get firstNumber(): number {
    return this.firstNo;
  }

  /** Numbers frames from `no` on, for a ring rebuilt from a copy whose older frames were dropped. */
  startAt(no: number): void {
    if (this.size > 0) throw new Error('Only an empty ring can start at another number.');
    this.firstNo = no;
  }

  /** The `no`-th frame pushed (from 1, as packet records number them), if still held. */
  at(no: number): WritableFrame | undefined {
    if (!Number.isInteger(no) || no < this.firstNo || no >= this.firstNo + this.size)
      return undefined;
    return this.frames[this.start + no - this.firstNo];
  }

  get size(): number {
    return this.frames.length - this.start;
  }

  get heldBytes(): number {
    return this.bytes;
  }

  *[Symbol.iterator](): IterableIterator<WritableFrame> {
    for (let i = this.start; i < this.frames.length; i++) yield this.frames[i]!;
  }
}
