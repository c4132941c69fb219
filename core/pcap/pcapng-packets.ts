/** Frames from pcapng packet blocks: enhanced (EPB), simple (SPB) and obsolete (OPB). */
import { CaptureFormatError } from './capture-format-error.ts';
import type { FramePool } from './frame-pool.ts';
import { interfaceMicros, type PcapngInterface } from './pcapng-interface.ts';
import { OPT_COMMENT, optionText, readPcapngOptions } from './pcapng-options.ts';
import { BLOCK_EPB, BLOCK_OPB, BLOCK_SPB } from './pcapng-section.ts';
import type { RawFrame } from './raw-frame.ts';

/** Frame of a packet block of the given type; `block` is the whole block, trailer included. */
export function parsePacketBlock(
  type: number,
  block: Uint8Array,
  le: boolean,
  interfaces: readonly PcapngInterface[],
  offset: number,
  pool: FramePool,
): RawFrame {
  const view = new DataView(block.buffer, block.byteOffset, block.length);
  const end = block.length - 4;

  if (type === BLOCK_SPB) {
    // @see draft-ietf-opsawg-pcapng §4.4 (Simple Packet Block): interface 0, no timestamp.
    const iface = lookup(interfaces, 0, offset);
    const origlen = view.getUint32(8, le);
    const room = end - 12;
    const caplen = Math.min(origlen, room, iface.snaplen || room);
    const data = pool.copy(block.subarray(12, 12 + caplen));
    return { linkType: iface.linkType, time: 0, caplen, origlen, data, interfaceId: iface.id };
  }

  // EPB @see draft-ietf-opsawg-pcapng §4.3; OPB @see draft-ietf-opsawg-pcapng Appendix A.
  const id = type === BLOCK_EPB ? view.getUint32(8, le) : view.getUint16(8, le);
  const iface = lookup(interfaces, id, offset);
  const caplen = view.getUint32(20, le);
  const origlen = view.getUint32(24, le);
  const dataEnd = 28 + caplen;
  if (dataEnd > end)
    throw new CaptureFormatError(`pcapng packet caplen ${caplen} overruns its block`, offset);
  const frame: RawFrame = {
    linkType: iface.linkType,
    time: interfaceMicros(iface, view.getUint32(12, le), view.getUint32(16, le)),
    caplen,
    origlen,
    data: pool.copy(block.subarray(28, dataEnd)),
    interfaceId: iface.id,
  };
  const comment = optionText(readPcapngOptions(block, (dataEnd + 3) & ~3, end, le), OPT_COMMENT);
  if (comment !== undefined) frame.comment = comment;
  return frame;
}

function lookup(
  interfaces: readonly PcapngInterface[],
  id: number,
  offset: number,
): PcapngInterface {
  const iface = interfaces[id];
  if (!iface) throw new CaptureFormatError(`pcapng interface ${id} not described`, offset);
  return iface;
}

export const PACKET_BLOCKS: ReadonlySet<number> = new Set([BLOCK_EPB, BLOCK_SPB, BLOCK_OPB]);
