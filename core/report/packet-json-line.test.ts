/** The hand-written analyze line is exactly JSON.stringify(packetJson(…)), key for key. */
import { describe, expect, it } from 'vitest';
import { createCaptureIngest } from '../ingest/capture-ingest.ts';
import {
  LOOPBACK_TCP_ECHO,
  LOOPBACK_TCP_ECHO_IPV6,
  LOOPBACK_UDP_CLOSED_PORT,
} from '../ingest/testdata/loopback-captures.ts';
import { writePcapng } from '../pcap/index.ts';
import { FRAMES } from '../decode/testdata/frames.ts';
import { hex } from '../decode/testdata/hex.ts';
import type { PacketRecord } from '../protocol.ts';
import type { TcpOptions } from '../decode/decoded-packet.ts';
import { packetJson } from './packet-json.ts';
import { flagScenarios, numberScenarios, streamScenarios } from '../analysis/testdata/scenarios.ts';
import { writePcap } from '../analysis/testdata/write-pcap.ts';
import { packetJsonLine } from './packet-json-line.ts';

function records(bytes: Uint8Array): PacketRecord[] {
  const ingest = createCaptureIngest({ previewBytes: 0 });
  return [...ingest.push(bytes), ...ingest.end()].map((p) => p.record);
}

const fixtureFrames = writePcapng(
  FRAMES.map((f, i) => ({
    linkType: f.linkType,
    time: 1_700_000_000_000_000 + i,
    data: hex(f.frame),
  })),
);

describe('packetJsonLine', () => {
  const cases: [string, Uint8Array][] = [
    ['TCP echo on 127.0.0.1', LOOPBACK_TCP_ECHO],
    ['TCP echo on ::1', LOOPBACK_TCP_ECHO_IPV6],
    ['UDP to a closed port (ICMP)', LOOPBACK_UDP_CLOSED_PORT],
    ['every decoder fixture (fragments, ARP, malformed…)', fixtureFrames],
  ];
  it.each(cases)('%s: same text as JSON.stringify', (_, bytes) => {
    const all = records(bytes);
    expect(all.length).toBeGreaterThan(1);
    for (const r of all) {
      expect(packetJsonLine(r, all[0]!.time)).toBe(JSON.stringify(packetJson(r, all[0]!.time)));
      for (const lang of ['en', 'zh-CN'] as const)
        expect(packetJsonLine(r, all[0]!.time, undefined, lang)).toBe(
          JSON.stringify(packetJson(r, all[0]!.time, undefined, lang)),
        );
    }
  });

  it('gives every scenario the same lines from cached endings as from new ones, in both languages', () => {
    const scenarios = [...flagScenarios, ...numberScenarios, ...streamScenarios];
    const all = scenarios.flatMap((s) => records(writePcap(s.packets)));
    expect(all.length).toBeGreaterThan(100);
    // Twice: first endings are made (or found from earlier tests), then all are found.
    for (let round = 0; round < 2; round++)
      for (const r of all)
        for (const lang of [undefined, 'en', 'zh-CN'] as const)
          expect(packetJsonLine(r, 0, undefined, lang)).toBe(
            JSON.stringify(packetJson(r, 0, undefined, lang)),
          );
  });

  it('writes a corrected packet with its own ending, not the one of the same packet uncorrected', () => {
    const [syn] = records(LOOPBACK_TCP_ECHO);
    const first = syn!.time;
    const a = syn!.analysis!;
    const corrected = { ...syn!, analysis: { ...a, corrected: true as const } };
    const refused = {
      ...syn!,
      analysis: {
        ...a,
        states: Object.freeze({ client: 'CLOSED', server: 'LISTEN' }),
        corrected: true as const,
      },
    } as typeof syn & {};
    for (const r of [syn!, corrected, refused, syn!, corrected, refused])
      for (const lang of [undefined, 'en', 'zh-CN'] as const)
        expect(packetJsonLine(r, first, undefined, lang)).toBe(
          JSON.stringify(packetJson(r, first, undefined, lang)),
        );
    expect(packetJsonLine(refused, first, undefined, 'en')).toContain('"corrected":true');
  });

  it('words thousands of different slot values (more than it keeps encoded) as packetJson does', () => {
    const malformed = records(fixtureFrames).find((r) => r.malformed !== undefined)!;
    const first = malformed.time;
    for (let i = 0; i < 5000; i++) {
      const r = { ...malformed, malformed: `cut "${i % 2500}" \\ 捕获 ${i}` };
      for (const lang of ['en', 'zh-CN'] as const) {
        const line = packetJsonLine(r, first, undefined, lang);
        expect(line).toBe(JSON.stringify(packetJson(r, first, undefined, lang)));
        // Once as the malformed field, once in the sentence.
        expect(line.split(`cut \\"${i % 2500}\\" \\\\ 捕获 ${i}`)).toHaveLength(3);
      }
    }
  });

  it('writes lists and states that are not frozen as they are now, not as first seen', () => {
    const r = structuredClone(records(LOOPBACK_TCP_ECHO)[3]!);
    const first = r.time;
    expect(packetJsonLine(r, first)).toBe(JSON.stringify(packetJson(r, first)));
    r.tcp!.flags.push('URG');
    r.analysis!.states!.server = 'CLOSED';
    expect(packetJsonLine(r, first)).toBe(JSON.stringify(packetJson(r, first)));
    expect(packetJsonLine(r, first)).toContain('"URG"],');
    expect(packetJsonLine(r, first)).toContain('"server":"CLOSED"');
  });

  it('writes every kind of TCP option as JSON.stringify does, in its order', () => {
    const [first, r] = records(LOOPBACK_TCP_ECHO);
    const kinds: TcpOptions[] = [
      { mss: 65495, sackPermitted: true, timestamp: { value: 4294967295, echo: 0 }, wscale: 7 },
      { wscale: 0, mss: 536 },
      { timestamp: { value: 1, echo: 2 }, sack: [[4294967295, 1]] },
      {
        sack: [
          [1, 2],
          [3, 4],
        ],
        mss: undefined,
      },
      { sackPermitted: true },
    ];
    for (const options of kinds) {
      const p = { ...r!, tcp: { ...r!.tcp!, options } };
      expect(packetJsonLine(p, first!.time)).toBe(JSON.stringify(packetJson(p, first!.time)));
      expect(packetJsonLine(p, first!.time)).toContain(`"options":${JSON.stringify(options)}`);
    }
  });

  it('prints teach and corrected where packetJson puts them', () => {
    const [r] = records(LOOPBACK_TCP_ECHO);
    const a = r!.analysis!;
    const taught = {
      ...r!,
      analysis: { ...a, teach: ['keep_alive' as const], corrected: true as const },
    };
    expect(packetJsonLine(taught, r!.time, undefined, 'en')).toBe(
      JSON.stringify(packetJson(taught, r!.time, undefined, 'en')),
    );
  });

  it('puts the file first and escapes it as JSON does', () => {
    const [r] = records(LOOPBACK_TCP_ECHO);
    for (const file of ['a.pcap', 'dir "x"\\y\n.pcap', '捕获 \u0001.pcap', 'bad \ud800.pcap'])
      expect(packetJsonLine(r!, r!.time, JSON.stringify(file))).toBe(
        JSON.stringify(packetJson(r!, r!.time, file)),
      );
  });

  it('prints numbers JSON cannot hold as null, as JSON.stringify does', () => {
    const [r] = records(LOOPBACK_TCP_ECHO);
    const odd = { ...r!, len: NaN, sport: Infinity, malformed: 'quote " and \\' };
    expect(packetJsonLine(odd, r!.time)).toBe(JSON.stringify(packetJson(odd, r!.time)));
  });
});
