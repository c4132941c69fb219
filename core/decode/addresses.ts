/** Text forms of IP addresses, as tshark prints them. */

/**
 * Texts of recently seen IPv4 addresses by their 32-bit value: a capture repeats a few addresses
 * in every packet, and one flat string each (instead of a new one per packet) is less to collect
 * and quicker to hash and compare. One slot per value's hash, a newer address taking an older
 * one's place: fixed size, nothing grown or rebuilt as addresses come and go.
 */
const IPV4_SLOTS = 4096;
const ipv4Values = new Float64Array(IPV4_SLOTS).fill(-1);
const ipv4Texts: string[] = new Array<string>(IPV4_SLOTS).fill('');

/** Dotted-quad IPv4 address at offset o. */
export function formatIpv4(d: Uint8Array, o: number): string {
  const value = d[o]! * 0x1000000 + ((d[o + 1]! << 16) | (d[o + 2]! << 8) | d[o + 3]!);
  const slot = (Math.imul(value | 0, 0x9e3779b1) >>> 20) & (IPV4_SLOTS - 1);
  if (ipv4Values[slot] === value) return ipv4Texts[slot]!;
  const text = `${d[o]}.${d[o + 1]}.${d[o + 2]}.${d[o + 3]}`;
  ipv4Values[slot] = value;
  ipv4Texts[slot] = text;
  return text;
}

/**
 * IPv6 address at offset o in canonical text: lowercase, no leading zeros, the longest run
 * (first on ties) of two or more zero groups written as `::`. @see RFC 5952 §4
 * Like tshark (BSD inet_ntop), IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d
 * addresses end in dotted quad (RFC 5952 §5); ::1 and ::2 stay hex (the zero run is 7 long).
 */
export function formatIpv6(d: Uint8Array, o: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((d[o + 2 * i]! << 8) | d[o + 2 * i + 1]!);
  let bestStart = -1;
  let bestLen = 1; // a single zero group is never compressed
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart === 0 && (bestLen === 6 || (bestLen === 5 && groups[5] === 0xffff))) {
    return `::${bestLen === 5 ? 'ffff:' : ''}${formatIpv4(d, o + 12)}`;
  }
  if (bestStart < 0) return hexGroups(groups, 0, 8);
  return `${hexGroups(groups, 0, bestStart)}::${hexGroups(groups, bestStart + bestLen, 8)}`;
}

function hexGroups(groups: number[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += (i > from ? ':' : '') + groups[i]!.toString(16);
  return s;
}
