/** Packet details: TCP (every flag bit and option), UDP and ICMP/ICMPv6 headers' fields. */
import { bitField, field, hexValue, type FieldNode } from './field-node.ts';
import { TCP_FLAGS } from './decoded-packet.ts';
import { u16, u32 } from './read-bytes.ts';
import { TCP_OPTION } from './tcp-options.ts';

/** Relative numbers from the page's analysis, shown beside the raw ones as Wireshark does. */
export interface TcpContext {
  relSeq?: number;
  relAck?: number;
  /** Window scale shift the sender announced in its SYN (for the scaled window). */
  windowShift?: number;
}

const OPTION_IDS: Record<number, string> = {
  [TCP_OPTION.EOL]: 'tcp.option.eol',
  [TCP_OPTION.NOP]: 'tcp.option.nop',
  [TCP_OPTION.MSS]: 'tcp.option.mss',
  [TCP_OPTION.WSCALE]: 'tcp.option.wscale',
  [TCP_OPTION.SACK_PERMITTED]: 'tcp.option.sack_perm',
  [TCP_OPTION.SACK]: 'tcp.option.sack',
  [TCP_OPTION.TIMESTAMP]: 'tcp.option.timestamp',
};

/** Each option between `start` and `end` as its own node; stops at a bad length. */
function tcpOptionFields(d: Uint8Array, start: number, end: number): FieldNode[] {
  const out: FieldNode[] = [];
  let i = start;
  while (i < end) {
    const kind = d[i]!;
    if (kind === TCP_OPTION.EOL || kind === TCP_OPTION.NOP) {
      out.push(field(OPTION_IDS[kind]!, kind, i, kind === TCP_OPTION.EOL ? end - i : 1));
      if (kind === TCP_OPTION.EOL) break;
      i++;
      continue;
    }
    const len = i + 1 < end ? d[i + 1]! : 0;
    if (len < 2 || i + len > end) {
      out.push(field('tcp.option.bad', kind, i, end - i));
      break;
    }
    let value: string | number = hexValue(kind, 2);
    if (kind === TCP_OPTION.MSS && len === 4) value = u16(d, i + 2);
    else if (kind === TCP_OPTION.WSCALE && len === 3)
      value = `${d[i + 2]!} (×${2 ** Math.min(d[i + 2]!, 14)})`;
    else if (kind === TCP_OPTION.SACK_PERMITTED) value = '';
    else if (kind === TCP_OPTION.TIMESTAMP && len === 10)
      value = `TSval=${u32(d, i + 2)} TSecr=${u32(d, i + 6)}`;
    else if (kind === TCP_OPTION.SACK) {
      const blocks: string[] = [];
      for (let b = i + 2; b + 8 <= i + len; b += 8) blocks.push(`${u32(d, b)}-${u32(d, b + 4)}`);
      value = blocks.join(' ');
    }
    out.push(field(OPTION_IDS[kind] ?? 'tcp.option.unknown', value, i, len));
    i += len;
  }
  return out;
}

/** @see RFC 9293 §3.1 (needs 20 captured bytes at `o`); `end` is where the segment ends. */
export function tcpFields(d: Uint8Array, o: number, end: number, ctx: TcpContext = {}): FieldNode {
  const hl = (d[o + 12]! >> 4) * 4;
  const bits = u16(d, o + 12) & 0xfff;
  const seq = u32(d, o + 4);
  const ack = u32(d, o + 8);
  const window = u16(d, o + 14);
  const flagKids = [
    field('tcp.flags.res', (bits >> 9) & 7, o + 12, 1),
    ...[...TCP_FLAGS].reverse().map((f) => {
      const i = TCP_FLAGS.indexOf(f);
      return bitField(
        `tcp.flags.${f.toLowerCase()}`,
        ((bits >> i) & 1) === 1,
        i >= 8 ? o + 12 : o + 13,
        1,
      );
    }),
  ];
  const kids = [
    field('tcp.srcport', u16(d, o), o, 2),
    field('tcp.dstport', u16(d, o + 2), o + 2, 2),
    field('tcp.seq_raw', seq, o + 4, 4),
    ...(ctx.relSeq !== undefined ? [field('tcp.seq', ctx.relSeq, o + 4, 4)] : []),
    field('tcp.ack_raw', ack, o + 8, 4),
    ...(ctx.relAck !== undefined ? [field('tcp.ack', ctx.relAck, o + 8, 4)] : []),
    field('tcp.hdr_len', hl, o + 12, 1),
    field('tcp.flags', hexValue(bits, 3), o + 12, 2, flagKids),
    field('tcp.window_size_value', window, o + 14, 2),
    ...(ctx.windowShift !== undefined
      ? [field('tcp.window_size', window * 2 ** ctx.windowShift, o + 14, 2)]
      : []),
    field('tcp.checksum', hexValue(u16(d, o + 16), 4), o + 16, 2),
    field('tcp.urgent_pointer', u16(d, o + 18), o + 18, 2),
  ];
  const optEnd = Math.min(o + hl, d.length);
  if (hl > 20 && optEnd > o + 20)
    kids.push(
      field('tcp.options', hl - 20, o + 20, optEnd - o - 20, tcpOptionFields(d, o + 20, optEnd)),
    );
  const len = Math.max(0, end - o - hl);
  kids.push(field('tcp.len', len, o + Math.min(hl, end - o), len));
  return field('tcp', `${u16(d, o)} → ${u16(d, o + 2)}`, o, Math.min(hl, d.length - o), kids);
}

/** @see RFC 768 (needs 8 captured bytes at `o`) */
export function udpFields(d: Uint8Array, o: number): FieldNode {
  return field('udp', `${u16(d, o)} → ${u16(d, o + 2)}`, o, 8, [
    field('udp.srcport', u16(d, o), o, 2),
    field('udp.dstport', u16(d, o + 2), o + 2, 2),
    field('udp.length', u16(d, o + 4), o + 4, 2),
    field('udp.checksum', hexValue(u16(d, o + 6), 4), o + 6, 2),
  ]);
}

/** @see RFC 792, RFC 4443 §2.1 (needs 8 captured bytes at `o`); `id` is 'icmp' or 'icmpv6'. */
export function icmpFields(d: Uint8Array, o: number, id: 'icmp' | 'icmpv6'): FieldNode {
  return field(id, `${d[o]!}/${d[o + 1]!}`, o, 8, [
    field(`${id}.type`, d[o]!, o, 1),
    field(`${id}.code`, d[o + 1]!, o + 1, 1),
    field(`${id}.checksum`, hexValue(u16(d, o + 2), 4), o + 2, 2),
    field(`${id}.rest`, hexValue(u32(d, o + 4), 8), o + 4, 4),
  ]);
}
