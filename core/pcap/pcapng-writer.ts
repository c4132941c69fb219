/**
 * Writes pcapng, block by block, so a live capture can be saved as it arrives: one section, one
 * interface per link type (microsecond timestamps), enhanced packet blocks with optional comments.
 */
import { BLOCK_EPB, BLOCK_IDB, BLOCK_SHB } from './pcapng-section.ts';
import { IF_TSRESOL, OPT_COMMENT, SHB_USERAPPL } from './pcapng-options.ts';

export interface WritableFrame {
  linkType: number;
  /** Integer microseconds since the Unix epoch. */
  time: number;
  data: Uint8Array;
  /** Length on the wire; defaults to data.length. */
  origlen?: number;
  comment?: string;
  /** More opt_comment options after `comment`, one per text (pcapng allows several). */
  comments?: readonly string[];
}

export interface PcapngWriterOptions {
  /** shb_userappl; false leaves it out. */
  userAppl?: string | false;
  /** SHB opt_comment. */
  comment?: string;
  /** Snap length written in each IDB. */
  snaplen?: number;
}

const utf8 = new TextEncoder();

export class PcapngWriter {
  private readonly interfaces = new Map<number, number>();
  private started = false;

  constructor(private readonly options: PcapngWriterOptions = {}) {}

  /** The section header; calling it again starts a new section (interfaces are described again). */
  header(): Uint8Array {
    this.started = true;
    this.interfaces.clear();
    const { userAppl = 'Packet Ladder', comment } = this.options;
    const options: [number, Uint8Array][] = [];
    if (comment !== undefined) options.push([OPT_COMMENT, utf8.encode(comment)]);
    if (userAppl !== false) options.push([SHB_USERAPPL, utf8.encode(userAppl)]);
    // @see draft-ietf-opsawg-pcapng §4.1: byte-order magic, version 1.0, section length unknown (-1).
    const fixed = new Uint8Array(16);
    const view = new DataView(fixed.buffer);
    view.setUint32(0, 0x1a2b3c4d, true);
    view.setUint16(4, 1, true);
    view.setUint16(6, 0, true);
    view.setBigInt64(8, -1n, true);
    return block(BLOCK_SHB, fixed, options);
  }

  /** An EPB for the frame, preceded by the SHB and an IDB when they have not been written yet. */
  packet(frame: WritableFrame): Uint8Array {
    const parts: Uint8Array[] = [];
    if (!this.started) parts.push(this.header());
    let id = this.interfaces.get(frame.linkType);
    if (id === undefined) {
      id = this.interfaces.size;
      this.interfaces.set(frame.linkType, id);
      parts.push(this.interfaceBlock(frame.linkType));
    }
    // @see draft-ietf-opsawg-pcapng §4.3 (Enhanced Packet Block)
    const { data } = frame;
    const padded = (data.length + 3) & ~3;
    const fixed = new Uint8Array(20 + padded);
    const view = new DataView(fixed.buffer);
    const micros = Math.max(0, Math.floor(frame.time));
    view.setUint32(0, id, true);
    view.setUint32(4, Math.floor(micros / 4294967296), true);
    view.setUint32(8, micros % 4294967296, true);
    view.setUint32(12, data.length, true);
    view.setUint32(16, frame.origlen ?? data.length, true);
    fixed.set(data, 20);
    const texts = frame.comment === undefined ? [] : [frame.comment];
    if (frame.comments) texts.push(...frame.comments);
    const options = texts.map((t): [number, Uint8Array] => [OPT_COMMENT, optionText(t)]);
    parts.push(block(BLOCK_EPB, fixed, options));
    return concat(parts);
  }

  /** @see draft-ietf-opsawg-pcapng §4.2 (Interface Description Block) */
  private interfaceBlock(linkType: number): Uint8Array {
    const fixed = new Uint8Array(8);
    const view = new DataView(fixed.buffer);
    view.setUint16(0, linkType, true);
    view.setUint32(4, this.options.snaplen ?? 262144, true);
    return block(BLOCK_IDB, fixed, [[IF_TSRESOL, Uint8Array.of(6)]]);
  }
}

/** A whole pcapng file holding the frames. */
export function writePcapng(
  frames: Iterable<WritableFrame>,
  options?: PcapngWriterOptions,
): Uint8Array {
  const writer = new PcapngWriter(options);
  const parts = [writer.header()];
  for (const frame of frames) parts.push(writer.packet(frame));
  return concat(parts);
}

/** UTF-8 of an option value, cut (on a character boundary) to fit the 16-bit option length. */
function optionText(text: string): Uint8Array {
  let bytes = utf8.encode(text);
  while (bytes.length > 65535) bytes = utf8.encode((text = text.slice(0, text.length - 1024)));
  return bytes;
}

/** A block: type, length, body (4-byte aligned), options ending with opt_endofopt, length again. */
function block(type: number, body: Uint8Array, options: [number, Uint8Array][]): Uint8Array {
  let optionsLength = 0;
  for (const [, value] of options) optionsLength += 4 + ((value.length + 3) & ~3);
  if (options.length > 0) optionsLength += 4;
  const length = 12 + body.length + optionsLength;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint32(0, type, true);
  view.setUint32(4, length, true);
  out.set(body, 8);
  let at = 8 + body.length;
  for (const [code, value] of options) {
    view.setUint16(at, code, true);
    view.setUint16(at + 2, value.length, true);
    out.set(value, at + 4);
    at += 4 + ((value.length + 3) & ~3);
  }
  // opt_endofopt is the zeroed 4 bytes already there.
  view.setUint32(length - 4, length, true);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
