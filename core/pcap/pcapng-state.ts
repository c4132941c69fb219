/** What a pcapng reader remembers between blocks: section, byte order, interfaces, drop counters. */
import { CaptureFormatError } from './capture-format-error.ts';
import type { FramePool } from './frame-pool.ts';
import { parseInterface, type PcapngInterface } from './pcapng-interface.ts';
import { PACKET_BLOCKS, parsePacketBlock } from './pcapng-packets.ts';
import {
  BLOCK_IDB,
  BLOCK_ISB,
  BLOCK_SHB,
  parseSectionHeader,
  type SectionInfo,
} from './pcapng-section.ts';
import { parseStatistics } from './pcapng-statistics.ts';
import type { RawFrame } from './raw-frame.ts';

/** More interfaces than this in one section is taken as corruption. */
const MAX_INTERFACES = 65536;

export class PcapngState {
  section: SectionInfo | undefined;
  littleEndian = false;
  private interfaces: PcapngInterface[] = [];
  /** Interfaces of earlier sections, so drop counters of different sections stay apart. */
  private interfaceBase = 0;
  private readonly drops = new Map<number, number>();

  constructor(private readonly pool: FramePool) {}

  get dropped(): number | undefined {
    if (this.drops.size === 0) return undefined;
    let sum = 0;
    for (const n of this.drops.values()) sum += n;
    return sum;
  }

  /** Whether blocks of this type are read; others are streamed past. */
  static reads(type: number): boolean {
    return (
      type === BLOCK_SHB || type === BLOCK_IDB || type === BLOCK_ISB || PACKET_BLOCKS.has(type)
    );
  }

  /** Applies one whole block (trailer checked) that starts at `offset`; a packet block adds a frame. */
  read(type: number, block: Uint8Array, le: boolean, offset: number, frames: RawFrame[]): void {
    if (type === BLOCK_SHB) {
      this.section = parseSectionHeader(
        block,
        le,
        offset,
        this.section ? this.section.index + 1 : 0,
      );
      this.littleEndian = le;
      this.interfaceBase += this.interfaces.length;
      this.interfaces = [];
    } else if (type === BLOCK_IDB) {
      if (this.interfaces.length >= MAX_INTERFACES) {
        throw new CaptureFormatError(`more than ${MAX_INTERFACES} pcapng interfaces`, offset);
      }
      this.interfaces.push(parseInterface(block, le, this.interfaces.length));
    } else if (type === BLOCK_ISB) {
      const stats = parseStatistics(block, le);
      if (stats.ifDrop !== undefined && stats.interfaceId < this.interfaces.length) {
        this.drops.set(this.interfaceBase + stats.interfaceId, stats.ifDrop);
      }
    } else {
      frames.push(parsePacketBlock(type, block, le, this.interfaces, offset, this.pool));
    }
  }
}
