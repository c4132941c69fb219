/** The libpcap savefile header and record header: magic, byte order, units, link type. */
import { CaptureFormatError } from './capture-format-error.ts';

/** Largest record a pcap file may declare; anything above is corruption, never an allocation. */
export const MAX_PCAP_CAPLEN = 16 * 1024 * 1024;

export interface PcapHeader {
  littleEndian: boolean;
  /** Record timestamps carry nanoseconds rather than microseconds. */
  nanos: boolean;
  /** 16 for libpcap, 24 for the "modified" (Kuznetzov) format. */
  recordHeaderLength: number;
  snaplen: number;
  linkType: number;
}

export const PCAP_HEADER_LENGTH = 24;

const MAGICS: Record<number, { nanos: boolean; recordHeaderLength: number }> = {
  0xa1b2c3d4: { nanos: false, recordHeaderLength: 16 },
  0xa1b23c4d: { nanos: true, recordHeaderLength: 16 },
  0xa1b2cd34: { nanos: false, recordHeaderLength: 24 },
};

/** Whether 4 bytes start a pcap file, in either byte order. */
export function isPcapMagic(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 4);
  return view.getUint32(0, false) in MAGICS || view.getUint32(0, true) in MAGICS;
}

/** @see draft-ietf-opsawg-pcap §4 (File Header) */
export function parsePcapHeader(bytes: Uint8Array): PcapHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, PCAP_HEADER_LENGTH);
  const big = MAGICS[view.getUint32(0, false)];
  const kind = big ?? MAGICS[view.getUint32(0, true)];
  if (!kind)
    throw new CaptureFormatError(`bad pcap magic 0x${view.getUint32(0, false).toString(16)}`, 0);
  const littleEndian = !big;
  const major = view.getUint16(4, littleEndian);
  if (major < 2)
    throw new CaptureFormatError(
      `unsupported pcap version ${major}.${view.getUint16(6, littleEndian)}`,
      0,
    );
  return {
    littleEndian,
    ...kind,
    snaplen: view.getUint32(16, littleEndian),
    // Upper 16 bits hold FCS length flags, not the link type.
    linkType: view.getUint32(20, littleEndian) & 0xffff,
  };
}

export interface PcapRecordHeader {
  time: number;
  caplen: number;
  origlen: number;
}

/** An unsigned 32-bit number at `at`, in either byte order. */
function u32(b: Uint8Array, at: number, littleEndian: boolean): number {
  return littleEndian
    ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000
    : b[at]! * 0x1000000 + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
}

/**
 * The record header at `at` of `bytes`; written into `into` when given (a reader's own object,
 * filled again for every record). @see draft-ietf-opsawg-pcap §5 (Packet Record)
 */
export function parsePcapRecordHeader(
  bytes: Uint8Array,
  header: PcapHeader,
  offset: number,
  at = 0,
  into: PcapRecordHeader = { time: 0, caplen: 0, origlen: 0 },
): PcapRecordHeader {
  const le = header.littleEndian;
  const seconds = u32(bytes, at, le);
  const fraction = u32(bytes, at + 4, le);
  const caplen = u32(bytes, at + 8, le);
  if (caplen > MAX_PCAP_CAPLEN) {
    throw new CaptureFormatError(`pcap record caplen ${caplen} above ${MAX_PCAP_CAPLEN}`, offset);
  }
  into.time = seconds * 1_000_000 + (header.nanos ? Math.floor(fraction / 1000) : fraction);
  into.caplen = caplen;
  into.origlen = u32(bytes, at + 12, le);
  return into;
}
