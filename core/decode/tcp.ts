/** TCP header: ports, numbers, flags, window, options, and the segment's payload length. */
import type { TcpFlag } from './decoded-packet.ts';
import type { TransportResult } from './layer-results.ts';
import { u16, u32 } from './read-bytes.ts';
import { parseTcpOptions } from './tcp-options.ts';
import { toHex } from './to-hex.ts';

const MIN_HEADER = 20;
const PREVIEW = 256;

/** Flag bits of the 12-bit flags field, in display order (AE is bit 8, the old NS). */
const FLAG_BITS: [TcpFlag, number][] = [
  ['FIN', 0x001],
  ['SYN', 0x002],
  ['RST', 0x004],
  ['PSH', 0x008],
  ['ACK', 0x010],
  ['URG', 0x020],
  ['ECE', 0x040],
  ['CWR', 0x080],
  ['AE', 0x100],
];

/** Names the set flags of the 12-bit flags field (reserved bits ignored). */
export function tcpFlags(bits: number): TcpFlag[] {
  return FLAG_BITS.filter(([, bit]) => (bits & bit) !== 0).map(([name]) => name);
}

/**
 * `segLen` is the TCP segment length the IP header declares, so `len` stays true even when
 * the capture was cut short (like tshark's tcp.len); `capEnd` is where captured bytes end.
 * @see RFC 9293 §3.1: source port (2), destination port (2), sequence (4), acknowledgment (4),
 * data offset/reserved/flags (2), window (2), checksum (2), urgent pointer (2), options
 */
export function decodeTcp(
  d: Uint8Array,
  o: number,
  capEnd: number,
  segLen: number,
): TransportResult {
  const cap = capEnd - o;
  const partial: TransportResult = { len: Math.max(0, segLen) };
  if (cap >= 4) Object.assign(partial, { sport: u16(d, o), dport: u16(d, o + 2) });
  if (segLen < MIN_HEADER) return { ...partial, malformed: `TCP segment length ${segLen} < 20` };
  if (cap < MIN_HEADER) return { ...partial, truncated: true };
  const headerLength = (d[o + 12]! >> 4) * 4;
  const base = {
    proto: 'TCP',
    sport: u16(d, o),
    dport: u16(d, o + 2),
    tcp: {
      seq: u32(d, o + 4),
      ack: u32(d, o + 8),
      flags: tcpFlags(u16(d, o + 12) & 0x1ff),
      window: u16(d, o + 14),
      urgent: u16(d, o + 18),
      headerLength,
      options: {},
    },
  };
  if (headerLength < MIN_HEADER)
    return { ...base, len: 0, malformed: `TCP data offset ${headerLength / 4} < 5` };
  if (headerLength > segLen) {
    return {
      ...base,
      len: 0,
      malformed: `TCP header length ${headerLength} > segment length ${segLen}`,
    };
  }
  const parsed = parseTcpOptions(d, o, o + MIN_HEADER, o + headerLength, capEnd);
  base.tcp.options = parsed.options;
  const len = segLen - headerLength;
  const result: TransportResult = { ...base, len };
  if (parsed.malformed) result.malformed = parsed.malformed;
  if (parsed.truncated || cap < headerLength) result.truncated = true;
  const dataStart = o + headerLength;
  const dataEnd = Math.min(capEnd, dataStart + len, dataStart + PREVIEW);
  if (len > 0 && dataEnd > dataStart) result.payloadHex = toHex(d, dataStart, dataEnd);
  return result;
}
