/** IPv6 header and its extension header chain. */
import { formatIpv6 } from './addresses.ts';
import { IP_PROTO } from './ip-protocols.ts';
import { walkIpv6Extensions } from './ipv6-extensions.ts';
import type { NetworkResult } from './layer-results.ts';
import { u16 } from './read-bytes.ts';

const HEADER = 40;

/**
 * @see RFC 8200 §3: version/class/flow (4), payload length (2), next header (1), hop limit (1),
 * source (16), destination (16)
 * A payload length of 0 (jumbogram, or segmentation offload) means: use what was captured,
 * unless the next header is "no next header" (then 0 is simply true and the rest is padding).
 */
export function decodeIpv6(d: Uint8Array, o: number): NetworkResult {
  const cap = d.length - o;
  const stub: NetworkResult = {
    proto: 'IPv6',
    payloadOffset: d.length,
    payloadLength: 0,
    end: d.length,
  };
  if (cap < 1) return { ...stub, truncated: true };
  const version = d[o]! >> 4;
  if (version !== 6) return { ...stub, malformed: `IPv6 header with version ${version}` };
  if (cap < HEADER) return { ...stub, truncated: true };
  const src = formatIpv6(d, o + 8);
  const dst = formatIpv6(d, o + 24);
  const declared = u16(d, o + 4);
  const next = d[o + 6]!;
  const payload = declared === 0 && next !== IP_PROTO.NO_NEXT_HEADER ? cap - HEADER : declared;
  const declaredEnd = o + HEADER + payload;
  const end = Math.min(declaredEnd, d.length);
  const chain = walkIpv6Extensions(d, o + HEADER, next, declaredEnd, end);
  const result: NetworkResult = {
    proto: 'IPv6',
    src,
    dst,
    payloadOffset: chain.offset,
    payloadLength: declaredEnd - chain.offset,
    end,
  };
  if (chain.protocol !== undefined) result.protocol = chain.protocol;
  if (chain.fragment) result.fragment = chain.fragment;
  if (chain.malformed) result.malformed = chain.malformed;
  if (chain.truncated || end < declaredEnd) result.truncated = true;
  return result;
}
