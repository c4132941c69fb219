/**
 * One field of a decoded frame for the packet details tree: which field, its value, and which
 * bytes of the frame hold it (so a hex view can highlight them).
 */

/** A decoded layer: the root of one branch of the tree. */
export type LayerId =
  | 'frame' // the capture record
  | 'eth' // Ethernet II
  | 'sll' // Linux cooked capture v1
  | 'sll2' // Linux cooked capture v2
  | 'null' // BSD loopback
  | 'ip' // IPv4
  | 'ipv6'
  | 'tcp'
  | 'udp'
  | 'icmp'
  | 'icmpv6'
  | 'data'; // the payload

export interface FieldNode {
  /** Wireshark-style field name (`ip.ttl`, `tcp.flags.syn`), also the key of its label. */
  id: string;
  /** The value as shown: numbers, addresses, hex; language-neutral. */
  value: string;
  /** For single bits: set or not (the page words it). */
  bit?: boolean;
  /** First byte of the field in the frame. */
  offset: number;
  /** Bytes the field covers (a bit field covers the bytes it sits in). */
  length: number;
  children?: FieldNode[];
}

/** Builds nodes with their byte ranges; `hexValue` for fields shown as hex. */
export function field(
  id: string,
  value: string | number,
  offset: number,
  length: number,
  children?: FieldNode[],
): FieldNode {
  const node: FieldNode = { id, value: String(value), offset, length };
  if (children?.length) node.children = children;
  return node;
}

/** A single-bit flag inside `length` bytes at `offset`. */
export function bitField(id: string, set: boolean, offset: number, length: number): FieldNode {
  return { id, value: set ? '1' : '0', bit: set, offset, length };
}

/** `0x` + zero-padded hex of `n` over `digits` digits. */
export function hexValue(n: number, digits: number): string {
  return `0x${n.toString(16).padStart(digits, '0')}`;
}
