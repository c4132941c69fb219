/** IPv4 header: addresses, lengths, fragments; options are skipped by IHL. */
import { formatIpv4 } from './addresses.ts';
import type { NetworkResult } from './layer-results.ts';
import { u16 } from './read-bytes.ts';

const MIN_HEADER = 20;
const MORE_FRAGMENTS = 0x2000;
const OFFSET_MASK = 0x1fff;

/** What a header too broken to read gives (made only then: most packets need none). */
const stub = (d: Uint8Array): NetworkResult => ({
  proto: 'IPv4',
  payloadOffset: d.length,
  payloadLength: 0,
  end: d.length,
});

/**
 * @see RFC 791 §3.1: version/IHL (1), TOS (1), total length (2), id (2), flags/fragment offset (2),
 * TTL (1), protocol (1), checksum (2), source (4), destination (4), options (IHL*4 - 20)
 * A total length of 0 is taken as TCP segmentation offload (the NIC fills it in later): the
 * captured bytes are used instead, as Wireshark does.
 * `uncaptured`: bytes of the frame on the wire past the captured ones (origlen - caplen), when
 * known. A total length beyond the bytes the frame had on the wire is cut to them, as Wireshark
 * does, and noted in `overlong`: the transport header is still decoded.
 * `into`, when given, is filled instead of a new object for a well-formed header (for a caller
 * done with it before the next packet).
 */
export function decodeIpv4(
  d: Uint8Array,
  o: number,
  uncaptured = Infinity,
  into?: NetworkResult,
): NetworkResult {
  const cap = d.length - o;
  if (cap < 1) return { ...stub(d), truncated: true };
  const version = d[o]! >> 4;
  if (version !== 4) return { ...stub(d), malformed: `IPv4 header with version ${version}` };
  const headerLength = (d[o]! & 15) * 4;
  if (headerLength < MIN_HEADER)
    return { ...stub(d), malformed: `IPv4 header length ${headerLength} < 20` };
  if (cap < MIN_HEADER) return { ...stub(d), truncated: true };
  const src = formatIpv4(d, o + 12);
  const dst = formatIpv4(d, o + 16);
  const declared = u16(d, o + 2);
  const wire = cap + uncaptured;
  const total = declared === 0 ? cap : Math.min(declared, wire);
  if (total < headerLength) {
    return {
      ...stub(d),
      src,
      dst,
      malformed: `IPv4 total length ${total} < header length ${headerLength}`,
    };
  }
  const end = o + Math.min(total, cap);
  const truncated = cap < total;
  const payloadLength = total - headerLength;
  if (cap < headerLength) return { ...stub(d), src, dst, payloadLength, truncated: true };

  const frag = u16(d, o + 6);
  const offset = (frag & OFFSET_MASK) * 8;
  const more = (frag & MORE_FRAGMENTS) !== 0;
  // Every field from the start: fields added later would go to a separate store.
  const result: NetworkResult = into ?? {
    proto: 'IPv4',
    src,
    dst,
    payloadOffset: 0,
    payloadLength,
    end,
    protocol: undefined,
    truncated: undefined,
    overlong: undefined,
    fragment: undefined,
  };
  result.proto = 'IPv4';
  result.src = src;
  result.dst = dst;
  result.payloadOffset = o + headerLength;
  result.payloadLength = payloadLength;
  result.end = end;
  result.protocol = offset === 0 ? d[o + 9]! : undefined;
  result.truncated = truncated || undefined;
  result.overlong = undefined;
  result.fragment = undefined;
  if (declared > wire)
    result.overlong = `IPv4 total length ${declared} exceeds the ${wire} bytes on the wire`;
  if (more || offset > 0) result.fragment = { id: u16(d, o + 4), offset, more };
  // only the first fragment carries the transport header
  return result;
}
