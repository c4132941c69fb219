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

  /** The current pcapng section (its SHB comment and application). */
  get section(): ng.SectionInfo | undefined {
    return this.pcapng.section;
  }

  /** Packets the capturing interfaces reported dropped (pcapng isb_ifdrop), if any reported. */
  get dropped(): number | undefined {
    return this.pcapng.dropped;
  }

  push(chunk: Uint8Array): RawFrame[] {
    if (this.failure) throw this.failure;
    const frames: RawFrame[] = [];
    this.queue.push(chunk);
    try {
      // Every step consumes at least 4 bytes or returns false, so this ends.
      while (this.step(frames));
    } catch (error) {
      if (error instanceof CaptureFormatError) {
        error.frames = frames;
        this.failure = error;
      }
      throw error;
    } finally {
      this.queue.release();
    }
    return frames;
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
