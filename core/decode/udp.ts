/** UDP header: ports and datagram length. */
import type { TransportResult } from './layer-results.ts';
import { u16 } from './read-bytes.ts';
import { toHex } from './to-hex.ts';

const HEADER = 8;
const PREVIEW = 256;

/**
 * `preview`: payload bytes kept as hex (0 for none).
 * `ipPayload` is the payload length the IP header declares; `firstFragment` says the IP
 * datagram continues in later fragments, so a length field larger than this fragment is fine.
 * A length field below 8 is unusable: len = IP payload - 8, and the packet is malformed.
 * A length field beyond the IP payload still gives len (tshark's udp.length is the field as
 * sent, "Bad length value > IP payload length"), and the packet is marked malformed.
 * A length field shorter than the IP payload is normal: the rest is trailer.
 * @see RFC 768: source port (2), destination port (2), length (2), checksum (2)
 */
export function decodeUdp(
  d: Uint8Array,
  o: number,
  capEnd: number,
  ipPayload: number,
  firstFragment: boolean,
  preview = PREVIEW,
): TransportResult {
  const cap = capEnd - o;
  const fallback = Math.max(0, ipPayload - HEADER);
  if (ipPayload < HEADER) return { len: 0, malformed: `UDP datagram of ${ipPayload} bytes < 8` };
  if (cap < HEADER) {
    const ports = cap >= 4 ? { sport: u16(d, o), dport: u16(d, o + 2) } : {};
    return { ...ports, len: fallback, truncated: true };
  }
  const length = u16(d, o + 4);
  const result: TransportResult = {
    proto: 'UDP',
    sport: u16(d, o),
    dport: u16(d, o + 2),
    len: length - HEADER,
  };
  if (length < HEADER) {
    result.len = fallback;
    result.malformed = `UDP length ${length} < 8`;
  } else if (length > ipPayload && !firstFragment) {
    result.malformed = `UDP length ${length} > IP payload ${ipPayload}`;
  }
  const dataStart = o + HEADER;
  const dataEnd = Math.min(capEnd, dataStart + result.len, dataStart + preview);
  if (result.len > 0 && dataEnd > dataStart) result.payloadHex = toHex(d, dataStart, dataEnd);
  return result;
}
