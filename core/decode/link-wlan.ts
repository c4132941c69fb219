/** IEEE 802.11 data frames (LINKTYPE_IEEE802_11) and the radiotap header before them (LINKTYPE_IEEE802_11_RADIOTAP). */
import { followEthertype } from './ethertype.ts';
import type { LinkResult } from './layer-results.ts';
import { u16, u16le, u32le } from './read-bytes.ts';

const TYPE_DATA = 2;
const SUBTYPE_QOS = 0x08;
const SUBTYPE_NO_DATA = 0x04; // Null, CF-Ack, CF-Poll… carry no body
const TO_DS = 0x01;
const FROM_DS = 0x02;
const PROTECTED = 0x40; // the body is encrypted
const ORDER = 0x80; // in a QoS data frame: an HT Control field follows QoS Control
const AMSDU = 0x80; // QoS Control's first byte: the body is an A-MSDU, not one LLC frame
/** Radiotap flags: padding between the 802.11 header and the body, to a multiple of 4. */
const RADIOTAP_DATA_PAD = 0x20;
const RADIOTAP_TSFT = 1 << 0;
const RADIOTAP_FLAGS = 1 << 1;
const RADIOTAP_EXT = 1 << 31;

/**
 * An 802.11 frame at `o`: a data frame's LLC/SNAP header leads to its ethertype; anything else
 * (management, control, protected, A-MSDU, no body) stops at the link.
 * @see IEEE 802.11-2020 §9.2.3: frame control (2), duration (2), addresses 1-3 (18), sequence
 * control (2), address 4 (6, to and from DS), QoS control (2, QoS data), HT control (4, +HTC)
 * @see IEEE 802.2 / RFC 1042: DSAP 0xAA, SSAP 0xAA, control 0x03, OUI (3), ethertype (2)
 */
export function decodeWlan(d: Uint8Array, o = 0, dataPad = false): LinkResult {
  if (o + 2 > d.length) return { network: 'Unknown', offset: d.length, truncated: true };
  const fc = d[o]!;
  const flags = d[o + 1]!;
  const subtype = fc >> 4;
  if (((fc >> 2) & 3) !== TYPE_DATA || subtype & SUBTYPE_NO_DATA || flags & PROTECTED)
    return { network: 'Unknown', offset: o };
  let header = 24;
  if ((flags & (TO_DS | FROM_DS)) === (TO_DS | FROM_DS)) header += 6;
  const qos = subtype & SUBTYPE_QOS ? o + header : -1;
  if (qos >= 0) header += flags & ORDER ? 6 : 2;
  if (dataPad) header = (header + 3) & ~3;
  const llc = o + header;
  if (llc + 8 > d.length) return { network: 'Unknown', offset: d.length, truncated: true };
  if (qos >= 0 && d[qos]! & AMSDU) return { network: 'Unknown', offset: llc };
  if (d[llc] !== 0xaa || d[llc + 1] !== 0xaa || d[llc + 2] !== 0x03)
    return { network: 'Unknown', offset: llc };
  return followEthertype(d, llc + 8, u16(d, llc + 6), 'Unknown');
}

/**
 * @see https://www.radiotap.org/: version (1), pad (1), length (2), present bitmaps (4 each,
 * little-endian, more while bit 31 is set), then the fields, each aligned to its size from the
 * header's start: TSFT (8) first when present, then Flags (1), whose data-pad bit matters here.
 */
export function decodeRadiotap(d: Uint8Array): LinkResult {
  if (d.length < 8) return { network: 'Unknown', offset: d.length, truncated: true };
  const length = u16le(d, 2);
  if (d[0] !== 0 || length < 8)
    return { network: 'Unknown', offset: d.length, malformed: `radiotap header length ${length}` };
  if (length > d.length) return { network: 'Unknown', offset: d.length, truncated: true };
  const present = u32le(d, 4);
  let at = 8;
  for (let word = present; word & RADIOTAP_EXT && at + 4 <= length; at += 4) word = u32le(d, at);
  let dataPad = false;
  if (present & RADIOTAP_FLAGS) {
    if (present & RADIOTAP_TSFT) at = ((at + 7) & ~7) + 8;
    if (at < length) dataPad = (d[at]! & RADIOTAP_DATA_PAD) !== 0;
  }
  return decodeWlan(d, length, dataPad);
}
