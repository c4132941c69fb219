/** Cross-check: every fixture frame decodes to the same fields tshark (the reference decoder) shows. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePcapng } from '../pcap/index.ts';
import { decodePacket } from './decode-packet.ts';
import type { DecodedPacket, TcpFlag } from './decoded-packet.ts';
import { FRAMES } from './testdata/frames.ts';
import { hex } from './testdata/hex.ts';

const TSHARK = '/usr/bin/tshark';
type Layers = Record<string, unknown>;

/** The fields both sides can state, as strings the way tshark prints them. */
interface Comparable {
  src?: string;
  dst?: string;
  sport?: string;
  dport?: string;
  tcpLen?: string;
  flags?: string;
  seq?: string;
  ack?: string;
  window?: string;
  mss?: string;
  wscale?: string;
  udpLength?: string;
  icmpType?: string;
  icmpCode?: string;
  innerSport?: string;
  innerDport?: string;
}

/** First value of `key` anywhere inside a tshark layer tree. */
function find(tree: unknown, key: string): string | undefined {
  if (tree === null || typeof tree !== 'object') return undefined;
  for (const [k, v] of Object.entries(tree)) {
    if (k === key && typeof v === 'string') return v;
    const inner = find(v, key);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function layer(layers: Layers, name: string): Layers | undefined {
  return layers[name] as Layers | undefined;
}

function fromTshark(layers: Layers): Comparable {
  const ip = layer(layers, 'ip');
  const ipv6 = layer(layers, 'ipv6');
  const tcp = layer(layers, 'tcp');
  const udp = layer(layers, 'udp');
  const icmp = layer(layers, 'icmp') ?? layer(layers, 'icmpv6');
  const icmpPrefix = layer(layers, 'icmp') ? 'icmp' : 'icmpv6';
  const quotedUdp = icmp ? (layer(icmp, 'udp') ?? layer(icmp, 'tcp')) : undefined;
  const c: Comparable = {
    src: (ip?.['ip.src'] ?? ipv6?.['ipv6.src']) as string | undefined,
    dst: (ip?.['ip.dst'] ?? ipv6?.['ipv6.dst']) as string | undefined,
    sport: (tcp?.['tcp.srcport'] ?? udp?.['udp.srcport']) as string | undefined,
    dport: (tcp?.['tcp.dstport'] ?? udp?.['udp.dstport']) as string | undefined,
    udpLength: udp?.['udp.length'] as string | undefined,
    icmpType: icmp?.[`${icmpPrefix}.type`] as string | undefined,
    icmpCode: icmp?.[`${icmpPrefix}.code`] as string | undefined,
    innerSport: find(quotedUdp, 'udp.srcport') ?? find(quotedUdp, 'tcp.srcport'),
    innerDport: find(quotedUdp, 'udp.dstport') ?? find(quotedUdp, 'tcp.dstport'),
  };
  if (tcp) {
    Object.assign(c, {
      tcpLen: tcp['tcp.len'],
      flags: String(parseInt(tcp['tcp.flags'] as string, 16)),
      seq: tcp['tcp.seq_raw'],
      ack: tcp['tcp.ack_raw'],
      window: tcp['tcp.window_size_value'],
      mss: find(tcp, 'tcp.options.mss_val'),
      wscale: find(tcp, 'tcp.options.wscale.shift'),
    });
  }
  return strip(c);
}

const FLAG_BITS: Record<TcpFlag, number> = {
  FIN: 0x1,
  SYN: 0x2,
  RST: 0x4,
  PSH: 0x8,
  ACK: 0x10,
  URG: 0x20,
  ECE: 0x40,
  CWR: 0x80,
  AE: 0x100,
};

function fromOurs(p: DecodedPacket): Comparable {
  const s = (n: number | undefined): string | undefined =>
    n === undefined ? undefined : String(n);
  const c: Comparable = { src: p.src, dst: p.dst, sport: s(p.sport), dport: s(p.dport) };
  if (p.proto === 'UDP') c.udpLength = s(p.len + 8);
  if (p.icmp) Object.assign(c, { icmpType: s(p.icmp.type), icmpCode: s(p.icmp.code) });
  if (p.icmp?.inner)
    Object.assign(c, { innerSport: s(p.icmp.inner.sport), innerDport: s(p.icmp.inner.dport) });
  if (p.tcp) {
    Object.assign(c, {
      tcpLen: s(p.len),
      flags: s(p.tcp.flags.reduce((bits, f) => bits | FLAG_BITS[f], 0)),
      seq: s(p.tcp.seq),
      ack: s(p.tcp.ack),
      window: s(p.tcp.window),
      mss: s(p.tcp.options.mss),
      wscale: s(p.tcp.options.wscale),
    });
  }
  return strip(c);
}

function strip(c: Comparable): Comparable {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Comparable;
}

describe('decodePacket agrees with tshark', () => {
  let seen: Layers[] = [];
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'decode-vs-tshark-'));
    // pcapng gives each link type its own interface, so one tshark run reads every frame
    const file = join(dir, 'frames.pcapng');
    writeFileSync(
      file,
      writePcapng(
        FRAMES.map((f, i) => ({ linkType: f.linkType, time: i * 1000, data: hex(f.frame) })),
      ),
    );
    // fragments are compared as they are, not reassembled
    const args = [
      '-n',
      '-r',
      file,
      '-T',
      'json',
      '--no-duplicate-keys',
      '-o',
      'ip.defragment:FALSE',
      '-o',
      'ipv6.defragment:FALSE',
    ];
    const out = execFileSync(TSHARK, args, {
      encoding: 'utf8',
      timeout: 15000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    seen = (JSON.parse(out) as { _source: { layers: Layers } }[]).map((p) => p._source.layers);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads every frame', () => {
    expect(seen).toHaveLength(FRAMES.length);
  });

  it.each(FRAMES.map((f, i) => ({ ...f, i })))('$name', ({ linkType, frame, i }) => {
    const layers = seen[i];
    expect(layers, 'tshark read the frame').toBeDefined();
    expect(find(layers!['frame'], 'frame.encap_type'), 'same frame').toBeDefined();
    const data = hex(frame);
    const ours = fromOurs(decodePacket(linkType, data, 0, data.length));
    expect(ours).toEqual(fromTshark(layers!));
  });

  it('compares something for the IP frames', () => {
    // guards against both sides silently producing nothing
    expect(seen.filter((l) => fromTshark(l).src !== undefined).length).toBeGreaterThan(20);
  });
});
