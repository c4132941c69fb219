/** Packet details: the IPv4 and IPv6 headers' fields. */
import { formatIpv4, formatIpv6 } from './addresses.ts';
import { bitField, field, hexValue, type FieldNode } from './field-node.ts';
import { u16, u32 } from './read-bytes.ts';

/** @see RFC 791 §3.1 (needs 20 captured bytes at `o`) */
export function ipv4Fields(d: Uint8Array, o: number): FieldNode {
  const ihl = (d[o]! & 15) * 4;
  const flags = u16(d, o + 6);
  const src = formatIpv4(d, o + 12);
  const dst = formatIpv4(d, o + 16);
  const kids = [
    field('ip.version', d[o]! >> 4, o, 1),
    field('ip.hdr_len', ihl, o, 1),
    field('ip.dsfield', hexValue(d[o + 1]!, 2), o + 1, 1, [
      field('ip.dsfield.dscp', d[o + 1]! >> 2, o + 1, 1),
      field('ip.dsfield.ecn', d[o + 1]! & 3, o + 1, 1),
    ]),
    field('ip.len', u16(d, o + 2), o + 2, 2),
    field('ip.id', `${hexValue(u16(d, o + 4), 4)} (${u16(d, o + 4)})`, o + 4, 2),
    field('ip.flags', hexValue(flags >> 13, 1), o + 6, 1, [
      bitField('ip.flags.rb', (flags & 0x8000) !== 0, o + 6, 1),
      bitField('ip.flags.df', (flags & 0x4000) !== 0, o + 6, 1),
      bitField('ip.flags.mf', (flags & 0x2000) !== 0, o + 6, 1),
    ]),
    field('ip.frag_offset', (flags & 0x1fff) * 8, o + 6, 2),
    field('ip.ttl', d[o + 8]!, o + 8, 1),
    field('ip.proto', d[o + 9]!, o + 9, 1),
    field('ip.checksum', hexValue(u16(d, o + 10), 4), o + 10, 2),
    field('ip.src', src, o + 12, 4),
    field('ip.dst', dst, o + 16, 4),
  ];
  if (ihl > 20 && o + ihl <= d.length) kids.push(field('ip.options', ihl - 20, o + 20, ihl - 20));
  return field('ip', `${src} → ${dst}`, o, Math.min(ihl, d.length - o), kids);
}

/** @see RFC 8200 §3 (needs 40 captured bytes at `o`); `payloadOffset` ends the extensions. */
export function ipv6Fields(d: Uint8Array, o: number, payloadOffset: number): FieldNode {
  const first = u32(d, o);
  const src = formatIpv6(d, o + 8);
  const dst = formatIpv6(d, o + 24);
  const kids = [
    field('ipv6.version', first >>> 28, o, 1),
    field('ipv6.tclass', hexValue((first >>> 20) & 0xff, 2), o, 2),
    field('ipv6.flow', hexValue(first & 0xfffff, 5), o + 1, 3),
    field('ipv6.plen', u16(d, o + 4), o + 4, 2),
    field('ipv6.nxt', d[o + 6]!, o + 6, 1),
    field('ipv6.hlim', d[o + 7]!, o + 7, 1),
    field('ipv6.src', src, o + 8, 16),
    field('ipv6.dst', dst, o + 24, 16),
  ];
  const ext = Math.max(0, Math.min(payloadOffset, d.length) - (o + 40));
  if (ext > 0) kids.push(field('ipv6.ext', ext, o + 40, ext));
  return field('ipv6', `${src} → ${dst}`, o, 40 + ext, kids);
}
