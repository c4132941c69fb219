import { describe, expect, it } from 'vitest';
import { buildFieldTree, walkFields, type FieldNode } from './field-tree.ts';
import { LINKTYPE } from './link-types.ts';
import { fields, hex } from './testdata/hex.ts';
import {
  IPV4_ICMP_PORT_UNREACHABLE,
  IPV4_TCP_ALL_FLAGS,
  IPV4_TCP_BAD_OPTION,
  IPV4_TCP_PSH_ACK,
  IPV4_TCP_SYN,
  IPV4_UDP,
} from './testdata/ipv4-packets.ts';
import { IPV6_TCP_SYN_ACK, IPV6_UDP_LOOPBACK } from './testdata/ipv6-packets.ts';
import { ETH_IPV4, ETH_VLAN_IPV4, SLL2_IPV6, SLL_IPV4 } from './testdata/link-headers.ts';

/** `id` → [value, offset, length] for the fields a case names. */
type Expected = Record<string, [string, number, number]>;

function byId(tree: FieldNode[]): Map<string, FieldNode> {
  const m = new Map<string, FieldNode>();
  for (const n of walkFields(tree)) if (!m.has(n.id)) m.set(n.id, n);
  return m;
}

const CASES: { name: string; linkType: number; frame: string; expected: Expected }[] = [
  {
    name: 'Ethernet + IPv4 + TCP SYN with every option',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(ETH_IPV4, IPV4_TCP_SYN),
    expected: {
      'eth.dst': ['02:00:00:00:00:02', 0, 6],
      'eth.src': ['02:00:00:00:00:01', 6, 6],
      'eth.type': ['0x0800', 12, 2],
      'ip.version': ['4', 14, 1],
      'ip.hdr_len': ['20', 14, 1],
      'ip.len': ['60', 16, 2],
      'ip.id': ['0x1234 (4660)', 18, 2],
      'ip.flags.df': ['1', 20, 1],
      'ip.flags.mf': ['0', 20, 1],
      'ip.frag_offset': ['0', 20, 2],
      'ip.ttl': ['64', 22, 1],
      'ip.proto': ['6', 23, 1],
      'ip.checksum': ['0x0000', 24, 2],
      'ip.src': ['10.0.0.1', 26, 4],
      'ip.dst': ['10.0.0.2', 30, 4],
      'tcp.srcport': ['50000', 34, 2],
      'tcp.dstport': ['8080', 36, 2],
      'tcp.seq_raw': ['287454020', 38, 4],
      'tcp.ack_raw': ['0', 42, 4],
      'tcp.hdr_len': ['40', 46, 1],
      'tcp.flags': ['0x002', 46, 2],
      'tcp.flags.syn': ['1', 47, 1],
      'tcp.flags.ack': ['0', 47, 1],
      'tcp.flags.ae': ['0', 46, 1],
      'tcp.window_size_value': ['64240', 48, 2],
      'tcp.checksum': ['0x0000', 50, 2],
      'tcp.urgent_pointer': ['0', 52, 2],
      'tcp.options': ['20', 54, 20],
      'tcp.option.mss': ['1460', 54, 4],
      'tcp.option.sack_perm': ['', 58, 2],
      'tcp.option.timestamp': ['TSval=123456 TSecr=0', 60, 10],
      'tcp.option.nop': ['1', 70, 1],
      'tcp.option.wscale': ['7 (×128)', 71, 3],
      'tcp.len': ['0', 74, 0],
    },
  },
  {
    name: 'IPv4 + TCP PSH,ACK with payload (raw link)',
    linkType: LINKTYPE.RAW,
    frame: IPV4_TCP_PSH_ACK,
    expected: {
      'tcp.flags.psh': ['1', 33, 1],
      'tcp.flags.ack': ['1', 33, 1],
      'tcp.flags.fin': ['0', 33, 1],
      'tcp.len': ['6', 52, 6],
      data: ['6', 52, 6],
    },
  },
  {
    name: 'every TCP flag bit, AE in the first flags byte, urgent pointer',
    linkType: LINKTYPE.RAW,
    frame: IPV4_TCP_ALL_FLAGS,
    expected: {
      'tcp.flags': ['0x1ff', 32, 2],
      'tcp.flags.ae': ['1', 32, 1],
      'tcp.flags.cwr': ['1', 33, 1],
      'tcp.flags.urg': ['1', 33, 1],
      'tcp.flags.res': ['0', 32, 1],
      'tcp.urgent_pointer': ['7', 38, 2],
    },
  },
  {
    name: 'a bad option length ends the options',
    linkType: LINKTYPE.RAW,
    frame: IPV4_TCP_BAD_OPTION,
    expected: { 'tcp.option.mss': ['1460', 40, 4], 'tcp.option.bad': ['8', 44, 4] },
  },
  {
    name: 'VLAN tag, then IPv4 + UDP',
    linkType: LINKTYPE.ETHERNET,
    frame: fields(ETH_VLAN_IPV4, IPV4_UDP),
    expected: {
      'vlan.id': ['100', 14, 2],
      'eth.type': ['0x0800', 16, 2],
      'udp.srcport': ['54321', 38, 2],
      'udp.length': ['12', 42, 2],
      data: ['4', 46, 4],
    },
  },
  {
    name: 'Linux cooked v1 + IPv4 + ICMP port unreachable',
    linkType: LINKTYPE.LINUX_SLL,
    frame: fields(SLL_IPV4, IPV4_ICMP_PORT_UNREACHABLE),
    expected: {
      'sll.hatype': ['772', 2, 2],
      'sll.etype': ['0x0800', 14, 2],
      'icmp.type': ['3', 36, 1],
      'icmp.code': ['3', 37, 1],
    },
  },
  {
    name: 'Linux cooked v2 + IPv6 + UDP',
    linkType: LINKTYPE.LINUX_SLL2,
    frame: fields(SLL2_IPV6, IPV6_UDP_LOOPBACK),
    expected: {
      'sll.ifindex': ['1', 4, 4],
      'ipv6.version': ['6', 20, 1],
      'ipv6.plen': ['12', 24, 2],
      'ipv6.nxt': ['17', 26, 1],
      'ipv6.hlim': ['64', 27, 1],
      'ipv6.src': ['::1', 28, 16],
      'udp.dstport': ['7', 62, 2],
    },
  },
  {
    name: 'IPv6 + TCP SYN,ACK',
    linkType: LINKTYPE.RAW,
    frame: IPV6_TCP_SYN_ACK,
    expected: {
      'ipv6.src': ['2001:db8::2', 8, 16],
      'tcp.srcport': ['8080', 40, 2],
      'tcp.flags.syn': ['1', 53, 1],
      'tcp.window_size_value': ['65535', 54, 2],
    },
  },
];

describe('buildFieldTree', () => {
  it.each(CASES)('$name', ({ linkType, frame, expected }) => {
    const found = byId(buildFieldTree(linkType, hex(frame)));
    for (const [id, [value, offset, length]] of Object.entries(expected)) {
      expect({ id, ...found.get(id) }).toMatchObject({ id, value, offset, length });
    }
  });

  it('adds relative Seq/Ack and the scaled window when the page knows them', () => {
    const tree = buildFieldTree(LINKTYPE.RAW, hex(IPV4_TCP_PSH_ACK), {
      relSeq: 1,
      relAck: 1,
      windowShift: 7,
    });
    const found = byId(tree);
    expect(found.get('tcp.seq')).toMatchObject({ value: '1', offset: 24, length: 4 });
    expect(found.get('tcp.ack')).toMatchObject({ value: '1', offset: 28, length: 4 });
    expect(found.get('tcp.window_size')).toMatchObject({ value: String(502 * 128) });
  });

  it('names the layers outermost first, with bit flags marked', () => {
    const tree = buildFieldTree(LINKTYPE.ETHERNET, hex(fields(ETH_IPV4, IPV4_TCP_PSH_ACK)));
    expect(tree.map((n) => n.id)).toEqual(['frame', 'eth', 'ip', 'tcp', 'data']);
    expect(byId(tree).get('tcp.flags.psh')?.bit).toBe(true);
    expect(byId(tree).get('tcp.flags.syn')?.bit).toBe(false);
  });

  it.each([
    { name: 'empty frame', linkType: LINKTYPE.ETHERNET, frame: '' },
    { name: 'unknown link type', linkType: 147, frame: '00 01 02' },
    { name: 'IPv4 cut inside its header', linkType: LINKTYPE.RAW, frame: '45 00 00 3c 12' },
    { name: 'TCP cut inside its header', linkType: LINKTYPE.RAW, frame: IPV4_TCP_SYN.slice(0, 90) },
  ])('stops at what the bytes hold: $name', ({ linkType, frame }) => {
    const tree = buildFieldTree(linkType, hex(frame));
    for (const n of walkFields(tree))
      expect(n.offset + n.length).toBeLessThanOrEqual(hex(frame).length);
    expect(tree.some((n) => n.id === 'tcp')).toBe(false);
  });
});
