/** A pcapng interface (from its IDB) and the conversion of its timestamps to microseconds. */
import { IF_TSOFFSET, IF_TSRESOL, readPcapngOptions } from './pcapng-options.ts';

export interface PcapngInterface {
  /** Interface number within its section. */
  id: number;
  linkType: number;
  /** 0 means no limit. */
  snaplen: number;
  /** if_tsresol: units are base^-exponent seconds. */
  base: 2 | 10;
  exponent: number;
  /** if_tsoffset, seconds added to every timestamp. */
  offsetSeconds: bigint;
}

/** @see draft-ietf-opsawg-pcapng §4.2 (Interface Description Block) */
export function parseInterface(block: Uint8Array, le: boolean, id: number): PcapngInterface {
  const view = new DataView(block.buffer, block.byteOffset, block.length);
  const iface: PcapngInterface = {
    id,
    linkType: view.getUint16(8, le),
    snaplen: view.getUint32(12, le),
    base: 10,
    exponent: 6,
    offsetSeconds: 0n,
  };
  for (const { code, value } of readPcapngOptions(block, 16, block.length - 4, le)) {
    if (code === IF_TSRESOL && value.length >= 1) {
      const resol = value[0] ?? 6;
      iface.base = resol & 0x80 ? 2 : 10;
      iface.exponent = resol & 0x7f;
    } else if (code === IF_TSOFFSET && value.length >= 8) {
      iface.offsetSeconds = new DataView(value.buffer, value.byteOffset, 8).getBigInt64(0, le);
    }
  }
  return iface;
}

/** A 64-bit timestamp in the interface's units, as integer microseconds since the epoch. */
export function interfaceMicros(iface: PcapngInterface, high: number, low: number): number {
  if (iface.base === 10 && iface.exponent === 6 && iface.offsetSeconds === 0n) {
    return high * 4294967296 + low;
  }
  const units = (BigInt(high) << 32n) | BigInt(low);
  let micros: bigint;
  if (iface.base === 2) micros = (units * 1_000_000n) >> BigInt(iface.exponent);
  else if (iface.exponent >= 6) micros = units / 10n ** BigInt(iface.exponent - 6);
  else micros = units * 10n ** BigInt(6 - iface.exponent);
  return Number(micros + iface.offsetSeconds * 1_000_000n);
}
