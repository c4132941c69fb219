/** BSD loopback headers: LINKTYPE_NULL (host byte order) and LINKTYPE_LOOP (network order). */
import type { LinkResult, NetworkKind } from './layer-results.ts';
import { u32, u32le } from './read-bytes.ts';

const HEADER = 4;
const AF_INET = 2;
/** AF_INET6 differs per OS: Linux 10, NetBSD/OpenBSD 24, FreeBSD 28, macOS 30. */
const AF_INET6 = new Set([10, 24, 28, 30]);

function byFamily(af: number): NetworkKind {
  if (af === AF_INET) return 'IPv4';
  return AF_INET6.has(af) ? 'IPv6' : 'Unknown';
}

/**
 * @see https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html: address family (4), in the byte
 * order of the capturing host, which may not be ours: families are small, so a value with
 * high bits set was written in the other order.
 */
export function decodeNull(d: Uint8Array): LinkResult {
  if (d.length < HEADER) return { network: 'Unknown', offset: d.length, truncated: true };
  const le = u32le(d, 0);
  return { network: byFamily(le > 0xffff ? u32(d, 0) : le), offset: HEADER };
}

/** @see https://www.tcpdump.org/linktypes/LINKTYPE_LOOP.html: address family (4), network order */
export function decodeLoop(d: Uint8Array): LinkResult {
  if (d.length < HEADER) return { network: 'Unknown', offset: d.length, truncated: true };
  return { network: byFamily(u32(d, 0)), offset: HEADER };
}
