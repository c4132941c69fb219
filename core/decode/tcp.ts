/** TCP header: ports, numbers, flags, window, options, and the segment's payload length. */
import { TCP_FLAGS, type TcpFlag, type TcpHeader } from './decoded-packet.ts';
import type { TransportResult } from './layer-results.ts';
import { u16, u32 } from './read-bytes.ts';
import { NO_TCP_OPTIONS, parseTcpOptions } from './tcp-options.ts';
import { toHex } from './to-hex.ts';

const MIN_HEADER = 20;
const PREVIEW = 256;

/** Names the set flags of the 12-bit flags field (reserved bits ignored). */
export function tcpFlags(bits: number): TcpFlag[] {
  const flags: TcpFlag[] = [];
  for (let i = 0; i < TCP_FLAGS.length; i++) if ((bits >> i) & 1) flags.push(TCP_FLAGS[i]!);
  return flags;
}

/** One frozen list per value of the 9 flag bits, made on first use and shared by every segment
 * with those flags (a list per segment was one more object per packet to collect). */
const sharedFlags: TcpFlag[][] = [];

const NO_FLAGS = flagsOf(0);

function flagsOf(bits: number): TcpFlag[] {
  return (sharedFlags[bits] ??= Object.freeze(tcpFlags(bits)) as TcpFlag[]);
}

/**
 * `preview`: payload bytes kept as hex (0 for none). `into` and `header`, when given, are filled
 * instead of new objects (for a caller done with them before the next segment).
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
  preview = PREVIEW,
  into?: TransportResult,
  header?: TcpHeader,
): TransportResult {
  const cap = capEnd - o;
  if (cap < MIN_HEADER || segLen < MIN_HEADER) {
    const partial: TransportResult = { len: Math.max(0, segLen) };
    if (cap >= 4) {
      partial.sport = u16(d, o);
      partial.dport = u16(d, o + 2);
    }
    if (segLen < MIN_HEADER) partial.malformed = `TCP segment length ${segLen} < 20`;
    else partial.truncated = true;
    return partial;
  }
  const headerLength = (d[o + 12]! >> 4) * 4;
  const fits = headerLength >= MIN_HEADER && headerLength <= segLen;
  const parsed = fits ? parseTcpOptions(d, o, o + MIN_HEADER, o + headerLength, capEnd) : undefined;
  const tcp: TcpHeader = header ?? {
    seq: 0,
    ack: 0,
    flags: NO_FLAGS,
    window: 0,
    urgent: 0,
    headerLength: 0,
    options: NO_TCP_OPTIONS,
  };
  tcp.seq = u32(d, o + 4);
  tcp.ack = u32(d, o + 8);
  tcp.flags = flagsOf(u16(d, o + 12) & 0x1ff);
  tcp.window = u16(d, o + 14);
  tcp.urgent = u16(d, o + 18);
  tcp.headerLength = headerLength;
  tcp.options = parsed ? parsed.options : NO_TCP_OPTIONS;
  // Every field from the start: fields added later would go to a separate store.
  const result: TransportResult = into ?? {
    proto: 'TCP',
    sport: 0,
    dport: 0,
    tcp,
    len: 0,
    truncated: undefined,
    malformed: undefined,
    payloadHex: undefined,
  };
  result.proto = 'TCP';
  result.sport = u16(d, o);
  result.dport = u16(d, o + 2);
  result.tcp = tcp;
  result.len = 0;
  result.truncated = undefined;
  result.malformed = undefined;
  result.payloadHex = undefined;
  if (headerLength < MIN_HEADER) {
    result.malformed = `TCP data offset ${headerLength / 4} < 5`;
    return result;
  }
  if (!parsed) {
    result.malformed = `TCP header length ${headerLength} > segment length ${segLen}`;
    return result;
  }
  result.len = segLen - headerLength;
  if (parsed.malformed) result.malformed = parsed.malformed;
  if (parsed.truncated || cap < headerLength) result.truncated = true;
  const dataStart = o + headerLength;
  const dataEnd = Math.min(capEnd, dataStart + result.len, dataStart + preview);
  if (dataEnd > dataStart) result.payloadHex = toHex(d, dataStart, dataEnd);
  return result;
}
