/** Apple's PKTAP links (LINKTYPE_PKTAP, and DLT_USER2 as macOS writes it): a header, then a link frame. */
import type { LinkResult } from './layer-results.ts';
import { u32le } from './read-bytes.ts';

/** The fixed part of struct pktap_header; a shorter length is not a PKTAP header. */
const MIN_HEADER = 108;
const RECORD_PACKET = 1;

/**
 * @see https://www.tcpdump.org/linktypes/LINKTYPE_PKTAP.html
 * header length (4), record type (4; 1 = a packet), the packet's link type (4), little-endian as
 * macOS writes them, then interface and process details up to the header length; the frame
 * follows, decoded by `inner` (decodeLink for that link type; the caller refuses PKTAP in PKTAP).
 */
export function decodePktap(
  d: Uint8Array,
  inner: (linkType: number, frame: Uint8Array) => LinkResult | undefined,
): LinkResult {
  if (d.length < 12) return { network: 'Unknown', offset: d.length, truncated: true };
  const length = u32le(d, 0);
  if (length < MIN_HEADER)
    return {
      network: 'Unknown',
      offset: d.length,
      malformed: `PKTAP header length ${length} < 108`,
    };
  if (length > d.length) return { network: 'Unknown', offset: d.length, truncated: true };
  if (u32le(d, 4) !== RECORD_PACKET) return { network: 'Unknown', offset: length };
  const link = inner(u32le(d, 8), d.subarray(length));
  if (!link) return { network: 'Unknown', offset: length };
  return { ...link, offset: length + link.offset };
}
