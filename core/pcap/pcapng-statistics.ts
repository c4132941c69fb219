/** Interface statistics blocks: the drop counter the capturing side reports. */
import { ISB_IFDROP, readPcapngOptions } from './pcapng-options.ts';

export interface InterfaceStatistics {
  /** Interface number within the section. */
  interfaceId: number;
  /** isb_ifdrop: packets dropped by the interface since capture started. */
  ifDrop?: number;
}

/** @see draft-ietf-opsawg-pcapng §4.6 (Interface Statistics Block) */
export function parseStatistics(block: Uint8Array, le: boolean): InterfaceStatistics {
  const view = new DataView(block.buffer, block.byteOffset, block.length);
  const stats: InterfaceStatistics = { interfaceId: view.getUint32(8, le) };
  for (const { code, value } of readPcapngOptions(block, 20, block.length - 4, le)) {
    if (code === ISB_IFDROP && value.length >= 8) {
      stats.ifDrop = Number(new DataView(value.buffer, value.byteOffset, 8).getBigUint64(0, le));
    }
  }
  return stats;
}
