/** Raw IP link types: no link header, IP version from the first nibble. */
import { linkResult } from './ethertype.ts';
import type { LinkResult } from './layer-results.ts';

/** @see https://www.tcpdump.org/linktypes/LINKTYPE_RAW.html */
export function decodeRaw(d: Uint8Array): LinkResult {
  if (d.length < 1) return { network: 'Unknown', offset: 0, truncated: true };
  const version = d[0]! >> 4;
  if (version === 4) return linkResult('IPv4', 0);
  if (version === 6) return linkResult('IPv6', 0);
  return { network: 'Unknown', offset: 0, malformed: `raw IP packet with version ${version}` };
}
