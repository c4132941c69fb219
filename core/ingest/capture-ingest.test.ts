import { describe, expect, it } from 'vitest';
import {
  copyPacketRecord,
  createCaptureIngest,
  createStreamingIngest,
  type PacketVisitor,
} from './capture-ingest.ts';
import { StreamNames } from '../stream-names.ts';
import { flagScenarios, numberScenarios, streamScenarios } from '../analysis/testdata/scenarios.ts';
import { writePcap } from '../analysis/testdata/write-pcap.ts';
import { CaptureFormatError, writePcap as writeRawPcap, writePcapng } from '../pcap/index.ts';
import { packetJsonLine } from '../report/packet-json-line.ts';
import type { PacketRecord } from '../records.ts';
import { FRAMES } from '../decode/testdata/frames.ts';
import { hex } from '../decode/testdata/hex.ts';
import { evenSpecs, ipv4Fragments, udpDatagram } from '../decode/testdata/fragments.ts';
import { IP_PROTO } from '../decode/ip-protocols.ts';
import { LINKTYPE } from '../decode/link-types.ts';
import {
  LOOPBACK_TCP_ECHO,
  LOOPBACK_TCP_ECHO_IPV6,
  LOOPBACK_UDP_CLOSED_PORT,
} from './testdata/loopback-captures.ts';

describe('createCaptureIngest', () => {
  const reuse = streamScenarios.find((s) => s.name === 'port reuse opens a new stream')!;
  const plain = 'tcp 127.0.0.1:50000 > 127.0.0.1:8080';

  it('with names, gives each stream on a reused pair its own id, in tcp.stream order', () => {
    const ingest = createCaptureIngest({ names: new StreamNames() });
    const got = ingest.push(writePcap(reuse.packets)).map((p) => p.record);
    const idOf = (stream: number) => [
      ...new Set(got.filter((r) => r.analysis?.stream === stream).map((r) => r.conv)),
    ];
    expect(idOf(0)).toEqual([plain]);
    expect(idOf(1)).toEqual([`${plain} #2`]);
    expect(idOf(2)).toEqual([`${plain} #3`]);
  });

  it('without names, keeps the pair’s id (the live session names; analyze prints none)', () => {
    const got = createCaptureIngest().push(writePcap(reuse.packets));
    expect(new Set(got.map((p) => p.record.conv))).toEqual(new Set([plain]));
    expect(new Set(got.map((p) => p.record.analysis?.stream))).toEqual(new Set([0, 1, 2]));
  });
});

/** Every record of `file` read by createCaptureIngest in one piece: its line when it came, then the records with later corrections applied. */
function readWhole(file: Uint8Array): { lines: string[]; records: PacketRecord[] } {
  const ingest = createCaptureIngest();
  const got = ingest.push(file);
  ingest.end();
  const first = got[0]?.record.time ?? 0;
  const lines: string[] = [];
  for (const { record, corrections } of got) {
    lines.push(packetJsonLine(record, first, undefined, 'en'));
    for (const c of corrections ?? []) got[c.packet - 1]!.record.analysis = c.analysis;
  }
  return { lines, records: got.map((p) => p.record) };
}

/** The same through createStreamingIngest in chunks of `chunk` bytes: each line written and each record copied during its visit. */
function readStreaming(
  file: Uint8Array,
  chunk: number,
): { lines: string[]; records: PacketRecord[] } {
  const ingest = createStreamingIngest();
  const lines: string[] = [];
  const records: PacketRecord[] = [];
  let first: number | undefined;
  const visit: PacketVisitor = (record, corrections) => {
    first ??= record.time;
    lines.push(packetJsonLine(record, first, undefined, 'en'));
    records.push(copyPacketRecord(record));
    for (const c of corrections ?? []) records[c.packet - 1]!.analysis = c.analysis;
  };
  for (let o = 0; o < file.length; o += chunk) ingest.push(file.subarray(o, o + chunk), visit);
  ingest.end();
  return { lines, records };
}

const rawSyn = hex(FRAMES.find((f) => f.name === 'RAW IPv4')!.frame);
/** Raw IPv4 frames of every kind (UDP, ICMP, fragments, malformed, cut short), each after a TCP SYN with options. */
function afterTcp(): Uint8Array {
  const udp = udpDatagram(5353, 7000, 3000);
  const others: { data: Uint8Array; origlen?: number }[] = [
    ...ipv4Fragments(udp, IP_PROTO.UDP, 1, evenSpecs(udp.length, 1480)).map((data) => ({ data })),
    ...FRAMES.filter((f) => f.linkType === LINKTYPE.ETHERNET && f.frame.includes('45'))
      .map((f) => hex(f.frame).subarray(14))
      .map((data) => ({ data })),
    { data: rawSyn.subarray(0, 30), origlen: rawSyn.length }, // cut short by the snap length
    { data: rawSyn.subarray(0, 30) }, // shorter than its headers say
    { data: Uint8Array.of(0x45, 0, 0, 10) }, // broken IPv4 header
    { data: Uint8Array.of(0x70) }, // no IP version at all
  ];
  const frames = others.flatMap((o, i) => [
    { time: 1_700_000_000_000_000 + 2 * i * 1000, data: rawSyn },
    { time: 1_700_000_000_000_000 + (2 * i + 1) * 1000, ...o },
  ]);
  return writeRawPcap(frames, LINKTYPE.RAW);
}

describe('createStreamingIngest', () => {
  const captures: [string, Uint8Array][] = [
    ['loopback TCP echo', LOOPBACK_TCP_ECHO],
    ['loopback TCP echo over IPv6', LOOPBACK_TCP_ECHO_IPV6],
    ['UDP to a closed port (ICMP)', LOOPBACK_UDP_CLOSED_PORT],
    ['every kind of packet after a TCP segment', afterTcp()],
    [
      'decoder fixtures on Ethernet',
      writeRawPcap(
        FRAMES.filter((f) => f.linkType === LINKTYPE.ETHERNET).map((f, i) => ({
          time: 1_700_000_000_000_000 + i,
          data: hex(f.frame),
        })),
        LINKTYPE.ETHERNET,
      ),
    ],
    [
      'decoder fixtures of every link type (pcapng)',
      writePcapng(
        FRAMES.map((f, i) => ({
          linkType: f.linkType,
          time: 1_700_000_000_000_000 + i,
          data: hex(f.frame),
        })),
      ),
    ],
    ...[...flagScenarios, ...numberScenarios, ...streamScenarios].map((s): [string, Uint8Array] => [
      s.name,
      writePcap(s.packets),
    ]),
  ];

  it.each(captures)('gives the records and lines of createCaptureIngest: %s', (_, file) => {
    const whole = readWhole(file);
    expect(whole.lines.length).toBeGreaterThan(1);
    for (const chunk of [1, 7, 100, 1 << 16]) {
      const streamed = readStreaming(file, chunk);
      expect(streamed.lines).toEqual(whole.lines);
      expect(streamed.records).toEqual(whole.records);
    }
  });

  it('without conversation ids, writes the same lines and names no conversation', () => {
    const lines = (conversationIds: boolean) => {
      const ingest = createStreamingIngest({ conversationIds });
      const out: string[] = [];
      const convs = new Set<string | undefined>();
      ingest.push(LOOPBACK_TCP_ECHO, (r) => {
        out.push(packetJsonLine(r, 0, undefined, 'en'));
        convs.add(r.conv);
      });
      ingest.end();
      return { out, convs: [...convs] };
    };
    const named = lines(true);
    const unnamed = lines(false);
    expect(unnamed.out).toEqual(named.out);
    expect(named.convs).not.toEqual(['']);
    expect(unnamed.convs).toEqual(['']);
  });

  it('reuses one record, so a visitor that keeps it without a copy sees only the last packet', () => {
    const ingest = createStreamingIngest();
    const kept: PacketRecord[] = [];
    ingest.push(LOOPBACK_TCP_ECHO, (r) => kept.push(r));
    expect(kept.length).toBeGreaterThan(2);
    expect(new Set(kept).size).toBe(1);
  });

  it('hands on nothing of a chunk that fails, as push returns nothing of it', () => {
    const file = LOOPBACK_TCP_ECHO.slice();
    // The third record's caplen far past any real one.
    const third = 24 + 2 * 16 + 74 + 74;
    file[third + 11] = 0x7f;
    const seen: number[] = [];
    const ingest = createStreamingIngest();
    expect(() => ingest.push(file, (r) => seen.push(r.no))).toThrow(CaptureFormatError);
    expect(seen).toEqual([]);
  });
});
