/** Packet details: the link-layer header's fields (Ethernet, Linux cooked v1/v2, BSD loopback). */
import { field, hexValue, type FieldNode, type LayerId } from './field-node.ts';
import { LINKTYPE } from './link-types.ts';
import { u16, u32 } from './read-bytes.ts';

const mac = (d: Uint8Array, o: number, n = 6): string =>
  Array.from(d.subarray(o, o + n), (b) => b.toString(16).padStart(2, '0')).join(':');

/** The link layer as a tree node, or undefined when the type has no header we name. */
export function linkFields(
  linkType: number,
  d: Uint8Array,
  end: number,
): { id: LayerId; node: FieldNode } | undefined {
  if (linkType === LINKTYPE.ETHERNET && d.length >= 14) {
    // @see IEEE 802.3 §3.1.1: destination (6), source (6), ethertype (2), 802.1Q tags (4 each)
    const kids = [field('eth.dst', mac(d, 0), 0, 6), field('eth.src', mac(d, 6), 6, 6)];
    let o = 12;
    while (o + 4 <= end && [0x8100, 0x88a8, 0x9100].includes(u16(d, o))) {
      kids.push(field('vlan.id', u16(d, o + 2) & 0xfff, o + 2, 2));
      o += 4;
    }
    kids.push(field('eth.type', hexValue(u16(d, o), 4), o, 2));
    return { id: 'eth', node: field('eth', `${mac(d, 6)} → ${mac(d, 0)}`, 0, end, kids) };
  }
  if (linkType === LINKTYPE.LINUX_SLL && d.length >= 16) {
    // @see https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html
    const n = Math.min(u16(d, 4), 8);
    const kids = [
      field('sll.pkttype', u16(d, 0), 0, 2),
      field('sll.hatype', u16(d, 2), 2, 2),
      field('sll.halen', u16(d, 4), 4, 2),
      field('sll.src', mac(d, 6, n), 6, 8),
      field('sll.etype', hexValue(u16(d, 14), 4), 14, 2),
    ];
    return { id: 'sll', node: field('sll', mac(d, 6, n), 0, end, kids) };
  }
  if (linkType === LINKTYPE.LINUX_SLL2 && d.length >= 20) {
    // @see https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html
    const n = Math.min(d[11]!, 8);
    const kids = [
      field('sll.etype', hexValue(u16(d, 0), 4), 0, 2),
      field('sll.ifindex', u32(d, 4), 4, 4),
      field('sll.hatype', u16(d, 8), 8, 2),
      field('sll.pkttype', d[10]!, 10, 1),
      field('sll.halen', d[11]!, 11, 1),
      field('sll.src', mac(d, 12, n), 12, 8),
    ];
    return { id: 'sll2', node: field('sll2', mac(d, 12, n), 0, end, kids) };
  }
  if ((linkType === LINKTYPE.NULL || linkType === LINKTYPE.LOOP) && d.length >= 4) {
    const family = linkType === LINKTYPE.LOOP ? u32(d, 0) : d[0]! || d[3]!;
    return { id: 'null', node: field('null', family, 0, 4, [field('null.family', family, 0, 4)]) };
  }
  return undefined;
}
