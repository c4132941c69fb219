/**
 * Streaming reader of pcap and pcapng bytes: accepts chunks split anywhere, returns whole frames,
 * and holds no more than the block it is waiting for.
 */
import { ByteQueue } from './byte-queue.ts';
import { FramePool } from './frame-pool.ts';
import { CaptureFormatError } from './capture-format-error.ts';
import {
  PCAP_HEADER_LENGTH,
  isPcapMagic,
  parsePcapHeader,
  parsePcapRecordHeader,
  type PcapHeader,
  type PcapRecordHeader,
} from './pcap-header.ts';
import * as ng from './pcapng-section.ts';
import { PcapngState } from './pcapng-state.ts';
import type { CaptureFormat, RawFrame } from './raw-frame.ts';

/**
 * Takes one frame from `pushEach`: its bytes are valid only during the call (the same buffer is
 * filled again for the next frame), so whatever is kept must be copied.
 */
export type FrameVisitor = (
  linkType: number,
  data: Uint8Array,
  time: number,
  origlen: number,
) => void;

/** Views of the scratch buffer are kept for frames up to this length (one per length seen). */
const VIEWS_UP_TO = 16 * 1024;

/** A span's numbers: where its bytes start, caplen, origlen, time. */
const SPAN_AT = 0;
const SPAN_CAPLEN = 1;
const SPAN_ORIGLEN = 2;
const SPAN_TIME = 3;
const SPAN = 4;

/** What the reader waits for when input stops, for the truncation message. */
interface Wait {
  what: string;
  start: number;
  need: number;
}

export class CaptureReader {
  format: CaptureFormat | undefined;
  /** Bytes consumed so far: everything before belongs to returned frames or skipped blocks. */
  offset = 0;

  private readonly queue = new ByteQueue();
  private failure: CaptureFormatError | undefined;
  private wait: Wait = { what: 'capture header', start: 0, need: 4 };
  private pcap: PcapHeader | undefined;
  private readonly frames = new FramePool();
  private readonly pcapng = new PcapngState(this.frames);
  private skipLeft = 0;
  /** The record header being read (filled again for every record). */
  private readonly record: PcapRecordHeader = { time: 0, caplen: 0, origlen: 0 };
  /**
   * pushEach's pcap records of the chunk, found but not yet handed on: where each lies (in
   * `spanBytes`, the queue's array it was found in) and its numbers, SPAN numbers each. Handed on
   * only once the whole chunk was read without error, as push() returns nothing of a chunk
   * that fails.
   */
  private readonly spans: number[] = [];
  private spanCount = 0;
  /** True while pushEach reads. */
  private visiting = false;
  private readonly spanBytes: Uint8Array[] = [];
  /** The frame pushEach hands on, copied here; a view of it per length, made once. */
  private scratch = new Uint8Array(0);
  private readonly views: Uint8Array[] = [];

  /** The current pcapng section (its SHB comment and application). */
  get section(): ng.SectionInfo | undefined {
    return this.pcapng.section;
  }

  /** Packets the capturing interfaces reported dropped (pcapng isb_ifdrop), if any reported. */
  get dropped(): number | undefined {
    return this.pcapng.dropped;
  }

  push(chunk: Uint8Array): RawFrame[] {
    const frames: RawFrame[] = [];
    this.read(chunk, frames);
    return frames;
  }

  /**
   * Like push, for a caller done with each frame before the next: hands the chunk's frames to
   * `visit` one by one, with no frame object and no copy of the bytes kept per frame (pcap; a
   * pcapng frame is made as push makes it). A chunk that fails hands on nothing, as push returns nothing.
   */
  pushEach(chunk: Uint8Array, visit: FrameVisitor): void {
    const frames: RawFrame[] = [];
    this.visiting = true;
    this.read(chunk, frames, visit);
    for (const f of frames) visit(f.linkType, f.data, f.time, f.origlen);
  }

  private read(chunk: Uint8Array, frames: RawFrame[], visit?: FrameVisitor): void {
    if (this.failure) throw this.failure;
    this.queue.push(chunk);
    try {
      // Every step consumes at least 4 bytes or returns false, so this ends.
      while (this.step(frames));
      // Before release(), which may move the bytes the spans point at.
      if (visit) this.visitSpans(visit);
    } catch (error) {
      if (error instanceof CaptureFormatError) {
        error.frames = frames;
        this.failure = error;
      }
      throw error;
    } finally {
      this.spanCount = 0;
      this.visiting = false;
      this.queue.release();
    }
  }

  private visitSpans(visit: FrameVisitor): void {
    const spans = this.spans;
    const linkType = this.pcap?.linkType ?? 0;
    for (let i = 0; i < this.spanCount; i++) {
      const o = i * SPAN;
      const from = spans[o + SPAN_AT]!;
      const n = spans[o + SPAN_CAPLEN]!;
      visit(
        linkType,
        this.copied(this.spanBytes[i]!, from, n),
        spans[o + SPAN_TIME]!,
        spans[o + SPAN_ORIGLEN]!,
      );
    }
  }

  /** Bytes `from` to `from + n` of `source` in the scratch buffer, as a view of exactly them. */
  private copied(source: Uint8Array, from: number, n: number): Uint8Array {
    if (n > VIEWS_UP_TO) return source.slice(from, from + n);
    if (this.scratch.length < n) {
      this.scratch = new Uint8Array(Math.max(n, 2048));
      this.views.length = 0;
    }
    const scratch = this.scratch;
    for (let i = 0; i < n; i++) scratch[i] = source[from + i]!;
    return (this.views[n] ??= scratch.subarray(0, n));
  }

  /** Declares the input finished; throws if it stopped inside a header, record or block. */
  end(): RawFrame[] {
    if (this.failure) throw this.failure;
    const has = this.queue.available;
    if (this.format === undefined || has > 0 || this.skipLeft > 0) {
      const { what, start, need } = this.wait;
      const got = this.skipLeft > 0 ? need - this.skipLeft : has;
      const message =
        got === 0 && start === 0
          ? 'empty input: no capture header'
          : `truncated ${what} (${got} of ${need} bytes)`;
      this.failure = new CaptureFormatError(message, start);
      throw this.failure;
    }
    return [];
  }

  private waitFor(what: string, need: number): false {
    this.wait = { what, start: this.offset, need };
    return false;
  }

  private consume(n: number): true {
    this.queue.skip(n);
    this.offset += n;
    return true;
  }

  private step(frames: RawFrame[]): boolean {
    if (this.skipLeft > 0) {
      const n = Math.min(this.skipLeft, this.queue.available);
      this.skipLeft -= n;
      this.consume(n);
      return this.skipLeft === 0;
    }
    if (this.format === 'pcap') return this.pcapStep(frames);
    if (this.format === 'pcapng') return this.pcapngStep(frames);
    const head = this.queue.peek(4);
    if (!head) return this.waitFor('capture header', 4);
    if (ng.isPcapngMagic(head)) this.format = 'pcapng';
    else if (isPcapMagic(head)) this.format = 'pcap';
    else throw new CaptureFormatError(`bad capture magic 0x${hex32(head)}`, 0);
    return true;
  }

  private pcapStep(frames: RawFrame[]): boolean {
    if (!this.pcap) {
      const bytes = this.queue.peek(PCAP_HEADER_LENGTH);
      if (!bytes) return this.waitFor('pcap file header', PCAP_HEADER_LENGTH);
      this.pcap = parsePcapHeader(bytes);
      return this.consume(PCAP_HEADER_LENGTH);
    }
    // Read where the bytes lie: no view of them per record, only the frame's own copy.
    const headerLength = this.pcap.recordHeaderLength;
    const queue = this.queue;
    const head = queue.reach(headerLength);
    if (head < 0) return this.waitFor('pcap record header', headerLength);
    const r = parsePcapRecordHeader(queue.held, this.pcap, this.offset, head, this.record);
    const total = headerLength + r.caplen;
    const at = queue.reach(total);
    if (at < 0) return this.waitFor('pcap record', total);
    if (this.visiting) return this.span(queue.held, at + headerLength, r, total);
    const data = this.frames.copyRange(queue.held, at + headerLength, at + total);
    frames.push({
      linkType: this.pcap.linkType,
      time: r.time,
      caplen: r.caplen,
      origlen: r.origlen,
      data,
      interfaceId: 0,
    });
    return this.consume(total);
  }

  /** pushEach's record: noted where it lies, handed on after the chunk (see `spans`). */
  private span(bytes: Uint8Array, at: number, r: PcapRecordHeader, total: number): true {
    const spans = this.spans;
    const o = this.spanCount * SPAN;
    spans[o + SPAN_AT] = at;
    spans[o + SPAN_CAPLEN] = r.caplen;
    spans[o + SPAN_ORIGLEN] = r.origlen;
    spans[o + SPAN_TIME] = r.time;
    this.spanBytes[this.spanCount++] = bytes;
    return this.consume(total);
  }

  private pcapngStep(frames: RawFrame[]): boolean {
    const head = this.queue.peek(8);
    if (!head) return this.waitFor('pcapng block header', 8);
    let le = this.pcapng.littleEndian;
    let type = new DataView(head.buffer, head.byteOffset, 8).getUint32(0, le);
    if (type === ng.BLOCK_SHB) {
      const shbHead = this.queue.peek(12);
      if (!shbHead) return this.waitFor('pcapng section header', 12);
      le = ng.sectionByteOrder(shbHead, this.offset);
    }
    const bytes = this.queue.peek(8);
    if (!bytes) return false; // unreachable: 8 bytes were there a moment ago
    const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
    type = view.getUint32(0, le);
    const length = view.getUint32(4, le);
    ng.checkBlockLength(type, length, this.offset);
    if (!PcapngState.reads(type)) {
      // Unknown or unused block: stream past it without buffering it.
      this.wait = { what: 'pcapng block', start: this.offset, need: length };
      this.skipLeft = length;
      return true;
    }
    const block = this.queue.peek(length);
    if (!block) return this.waitFor('pcapng block', length);
    ng.checkBlockTrailer(block, le, this.offset);
    this.pcapng.read(type, block, le, this.offset, frames);
    return this.consume(length);
  }
}

function hex32(bytes: Uint8Array): string {
  return new DataView(bytes.buffer, bytes.byteOffset, 4)
    .getUint32(0, false)
    .toString(16)
    .padStart(8, '0');
}
