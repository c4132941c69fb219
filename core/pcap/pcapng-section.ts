/** pcapng block framing: block types, the section header's byte order, and block length checks. */
import { CaptureFormatError } from './capture-format-error.ts';
import { OPT_COMMENT, SHB_USERAPPL, optionText, readPcapngOptions } from './pcapng-options.ts';

/** @see draft-ietf-opsawg-pcapng §11.1 (Block Type Codes) */
export const BLOCK_SHB = 0x0a0d0d0a;
export const BLOCK_IDB = 1;
export const BLOCK_OPB = 2;
export const BLOCK_SPB = 3;
export const BLOCK_ISB = 5;
export const BLOCK_EPB = 6;

const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
/** Largest block accepted; the draft sets no limit, this keeps hostile lengths harmless. */
export const MAX_BLOCK_LENGTH = 256 * 1024 * 1024;

/** Smallest total length of each block type that is parsed (header, fixed fields, trailer). */
export const MIN_BLOCK_LENGTH: Record<number, number> = {
  [BLOCK_SHB]: 28,
  [BLOCK_IDB]: 20,
  [BLOCK_OPB]: 32,
  [BLOCK_SPB]: 16,
  [BLOCK_ISB]: 24,
  [BLOCK_EPB]: 32,
};

/** Whether 4 bytes start a pcapng file (the SHB type is a palindrome). */
export function isPcapngMagic(bytes: Uint8Array): boolean {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false) === BLOCK_SHB;
}

/** Byte order of a section, from the first 12 bytes of its SHB. @see draft-ietf-opsawg-pcapng §4.1 */
export function sectionByteOrder(head: Uint8Array, offset: number): boolean {
  const magic = new DataView(head.buffer, head.byteOffset, 12).getUint32(8, false);
  if (magic === BYTE_ORDER_MAGIC) return false;
  if (magic === 0x4d3c2b1a) return true;
  throw new CaptureFormatError(`bad pcapng byte-order magic 0x${magic.toString(16)}`, offset);
}

/** Checks a block's total length before any byte of its body is awaited. */
export function checkBlockLength(type: number, length: number, offset: number): void {
  const min = MIN_BLOCK_LENGTH[type] ?? 12;
  if (length < min || length % 4 !== 0 || length > MAX_BLOCK_LENGTH) {
    throw new CaptureFormatError(`bad pcapng block length ${length}`, offset);
  }
}

/** Checks the trailing copy of the length, which catches most corruption inside a block. */
export function checkBlockTrailer(block: Uint8Array, le: boolean, offset: number): void {
  const view = new DataView(block.buffer, block.byteOffset, block.length);
  const trailer = view.getUint32(block.length - 4, le);
  if (trailer !== block.length) {
    throw new CaptureFormatError(
      `pcapng block trailer length ${trailer} differs from ${block.length}`,
      offset,
    );
  }
}

export interface SectionInfo {
  /** 0 for the first section of the file. */
  index: number;
  comment?: string;
  userAppl?: string;
}

/** @see draft-ietf-opsawg-pcapng §4.1 (Section Header Block) */
export function parseSectionHeader(
  block: Uint8Array,
  le: boolean,
  offset: number,
  index: number,
): SectionInfo {
  const view = new DataView(block.buffer, block.byteOffset, block.length);
  const major = view.getUint16(12, le);
  if (major !== 1) throw new CaptureFormatError(`unsupported pcapng version ${major}`, offset);
  const options = readPcapngOptions(block, 24, block.length - 4, le);
  const info: SectionInfo = { index };
  const comment = optionText(options, OPT_COMMENT);
  const userAppl = optionText(options, SHB_USERAPPL);
  if (comment !== undefined) info.comment = comment;
  if (userAppl !== undefined) info.userAppl = userAppl;
  return info;
}
