/**
 * Cross-check: fragmented datagrams read through the ingest chain come out as tshark 4.0 shows
 * them with its default reassembly — the datagram's TCP or UDP on the frame that completes it,
 * the other fragments as bare IP fragments.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IP_PROTO, LINKTYPE } from '../decode/index.ts';
import {
  evenSpecs,
  ipv4Fragments,
  ipv6Fragments,
  tcpSegment,
  udpDatagram,
} from '../decode/testdata/fragments.ts';
import { writePcapng } from '../pcap/index.ts';
import { createCaptureIngest } from './capture-ingest.ts';

/** The same fields from both sides: transport, ports, its payload length, TCP's raw Seq. */
interface Seen {
  proto: string;
  sport?: number;
  dport?: number;
  len?: number;
  seq?: number;
}

const udp = udpDatagram(5353, 7000, 3000);
const tcp = tcpSegment(40000, 80, 1_000_000, 2_000_000, 2000);
const FRAMES: Uint8Array[] = [
  // UDP over IPv4, three fragments in order
  ...ipv4Fragments(udp, IP_PROTO.UDP, 1, evenSpecs(udp.length, 1480)),
  // the same datagram, last fragment first
  ...ipv4Fragments(udp, IP_PROTO.UDP, 2, evenSpecs(udp.length, 1480).reverse()),
  // TCP over IPv4, two fragments, the second first
  ...ipv4Fragments(tcp, IP_PROTO.TCP, 3, evenSpecs(tcp.length, 1024).reverse()),
  // UDP over IPv6, three fragments
  ...ipv6Fragments(udp, IP_PROTO.UDP, 4, evenSpecs(udp.length, 1232)),
  // a fragment missing: the others stay fragments
  ...ipv4Fragments(udp, IP_PROTO.UDP, 5, evenSpecs(udp.length, 1000).slice(1)),
  // not fragmented at all
  ...ipv4Fragments(udpDatagram(1, 2, 10), IP_PROTO.UDP, 6, [
    { offset: 0, length: 18, more: false },
  ]),
];

function ours(file: Uint8Array): Seen[] {
  const ingest = createCaptureIngest();
  return [...ingest.push(file), ...ingest.end()].map(({ record: p }) => {
    if (p.proto !== 'TCP' && p.proto !== 'UDP') return { proto: 'IP' };
    const s: Seen = { proto: p.proto, sport: p.sport, dport: p.dport, len: p.len };
    if (p.tcp) s.seq = p.tcp.seq;
    return s;
  });
}

function tshark(path: string): Seen[] {
  const fields = ['frame.protocols', 'udp.srcport', 'udp.dstport', 'udp.length'];
  fields.push('tcp.srcport', 'tcp.dstport', 'tcp.len', 'tcp.seq_raw');
  const args = ['-n', '-r', path, '-T', 'fields', '-E', 'separator=;'];
  for (const f of fields) args.push('-e', f);
  const out = execFileSync('tshark', args, {
    encoding: 'utf8',
    timeout: 15_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [protocols, us, ud, ul, ts, td, tl, tq] = line.split(';');
      const layers = protocols!.split(':');
      if (layers.includes('udp')) return { proto: 'UDP', sport: +us!, dport: +ud!, len: +ul! - 8 };
      if (layers.includes('tcp'))
        return { proto: 'TCP', sport: +ts!, dport: +td!, len: +tl!, seq: +tq! };
      return { proto: 'IP' };
    });
}

describe('IP reassembly agrees with tshark', () => {
  let dir = '';
  let file: Uint8Array;
  let theirs: Seen[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reassembly-'));
    file = writePcapng(
      FRAMES.map((data, i) => ({
        linkType: LINKTYPE.RAW,
        time: 1_700_000_000_000_000 + i * 1000,
        data,
      })),
    );
    writeFileSync(join(dir, 'fragments.pcapng'), file);
    theirs = tshark(join(dir, 'fragments.pcapng'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads every frame, and reassembles datagrams on both sides', () => {
    expect(theirs).toHaveLength(FRAMES.length);
    // guards against both sides leaving every fragment alone
    expect(theirs.filter((s) => s.proto !== 'IP')).toHaveLength(5);
  });

  it('shows the same transport, ports, length and Seq on every frame', () => {
    expect(ours(file)).toEqual(theirs);
  });

  it('says on the completing frame how many fragments made the datagram', () => {
    const ingest = createCaptureIngest();
    const got = [...ingest.push(file), ...ingest.end()].map((x) => x.record);
    expect(got[2]!.reassembled).toEqual({ fragments: 3, bytes: 3008 });
    expect(got[2]!.fragment).toMatchObject({ offset: 2960, more: false });
    expect(got[0]!.reassembled).toBeUndefined();
    expect(ingest.reassembler.stats).toMatchObject({ reassembled: 4, expired: 0 });
    expect(ingest.reassembler.held.datagrams).toBe(1); // the one with a fragment missing
  });
});
