/** Frames from pcapng packet blocks: enhanced (EPB), simple (SPB) and obsolete (OPB). */
import { CaptureFormatError } from './capture-format-error.ts';
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
): RawFrame {
  const view = new DataView(block.buffer, block.byteOffset, block.length);
  const end = block.length - 4;
  const lookup = (id: number): PcapngInterface => {
    const iface = interfaces[id];
    if (!iface) throw new CaptureFormatError(`pcapng interface ${id} not described`, offset);
    return iface;
  };

  if (type === BLOCK_SPB) {
    // @see draft-ietf-opsawg-pcapng §4.4 (Simple Packet Block): interface 0, no timestamp.
    const iface = lookup(0);
    const origlen = view.getUint32(8, le);
    const room = end - 12;
    const caplen = Math.min(origlen, room, iface.snaplen || room);
    const data = block.slice(12, 12 + caplen);
    return { linkType: iface.linkType, time: 0, caplen, origlen, data, interfaceId: iface.id };
  }

  // EPB @see draft-ietf-opsawg-pcapng §4.3; OPB @see draft-ietf-opsawg-pcapng Appendix A.
  const iface = lookup(type === BLOCK_EPB ? view.getUint32(8, le) : view.getUint16(8, le));
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
    data: block.slice(28, dataEnd),
    interfaceId: iface.id,
  };
  const comment = optionText(readPcapngOptions(block, (dataEnd + 3) & ~3, end, le), OPT_COMMENT);
  if (comment !== undefined) frame.comment = comment;
  return frame;
}

export const PACKET_BLOCKS: ReadonlySet<number> = new Set([BLOCK_EPB, BLOCK_SPB, BLOCK_OPB]);
