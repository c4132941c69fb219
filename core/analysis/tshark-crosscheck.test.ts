/** Runs every synthetic scenario through tshark and checks our output field by field against it. */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from './analyzer.ts';
import { flagScenarios, numberScenarios, streamScenarios } from './testdata/scenarios.ts';
import { writePcap } from './testdata/write-pcap.ts';
import { ANALYSIS_FLAGS, type AnalysisFlag, type PacketAnalysis } from './packet-analysis.ts';
import type { DecodedPacket } from '../decode/decoded-packet.ts';

const FLAGS = ANALYSIS_FLAGS;
const FIELDS = [
  'tcp.stream',
  'tcp.seq',
  'tcp.ack',
  'tcp.nxtseq',
  'tcp.window_size',
  'tcp.analysis.duplicate_ack_num',
];

/** One line per frame: the fields, then the names of the analysis flags present. */
function tshark(file: string): string[][] {
  const args = [
    '-n',
    '-r',
    file,
    '-o',
    'tcp.relative_sequence_numbers:TRUE',
    '-T',
    'fields',
    '-E',
    'separator=;',
  ];
  for (const f of FIELDS) args.push('-e', f);
  args.push('-e', '_ws.expert.message');
  const out = execFileSync('tshark', args, { encoding: 'utf8', timeout: 20_000 });
  return out
    .trimEnd()
    .split('\n')
    .map((l) => l.split(';'));
}

function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['-v'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** Our flags in the words of tshark's expert messages, which is all `-T fields` prints for them. */
const MESSAGE: Record<AnalysisFlag, RegExp> = {
  retransmission: /^This frame is a \(suspected\) retransmission$/,
  fast_retransmission: /fast retransmission/,
  spurious_retransmission: /spurious retransmission/,
  out_of_order: /out-of-order/,
  lost_segment: /Previous segment\(s\) not captured/,
  ack_lost_segment: /ACKed segment that wasn't captured/,
  duplicate_ack: /^Duplicate ACK/,
  zero_window: /^TCP Zero Window segment/,
  zero_window_probe: /^TCP Zero Window Probe$/,
  zero_window_probe_ack: /^ACK to a TCP Zero Window Probe/,
  window_full: /is now completely full/,
  window_update: /^TCP window update/,
  keep_alive: /^TCP keep-alive segment/,
  keep_alive_ack: /^ACK to a TCP keep-alive segment/,
};

const flagsFromMessages = (messages: string): AnalysisFlag[] =>
  FLAGS.filter((f) => messages.split(',').some((m) => MESSAGE[f].test(m)));

const scenarios = [...flagScenarios, ...numberScenarios, ...streamScenarios];

/** All scenarios in one capture (one tshark run): each on its own client port, one second apart. */
function combined(): { packets: DecodedPacket[]; owner: number[] } {
  const packets: DecodedPacket[] = [];
  const owner: number[] = [];
  scenarios.forEach((sc, k) => {
    const port = (x: number | undefined) => (x === 50000 ? 50000 + k : x);
    for (const p of sc.packets) {
      packets.push({
        ...p,
        time: p.time + k * 10_000_000,
        sport: port(p.sport),
        dport: port(p.dport),
      });
      owner.push(k);
    }
  });
  return { packets, owner };
}

describe.runIf(hasTshark())('agrees with tshark', () => {
  const { packets, owner } = combined();
  let rows: string[][] = [];
  const ours: (PacketAnalysis | undefined)[] = [];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-analysis-'));
    try {
      const file = join(dir, 'x.pcap');
      writeFileSync(file, writePcap(packets));
      rows = tshark(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const a = createAnalyzer();
    for (const p of packets) ours.push(a.add(p).analysis);
  });

  scenarios.forEach(({ name }, k) => {
    it(name, () => {
      const num = (s: string | undefined) => (s ? Number(s) : undefined);
      packets.forEach((p, i) => {
        if (owner[i] !== k) return;
        const o = ours[i]!;
        const [stream, seq, ack, nxt, win, dupNum, messages] = rows[i]!;
        const got = {
          stream: o.stream,
          seq: o.seq,
          ack: o.ack,
          nextSeq: o.nextSeq,
          win: o.win,
          dupAckNum: o.dupAckNum,
          analysis: [...(o.analysis ?? [])].sort(),
        };
        expect(got, `frame ${i + 1}`).toEqual({
          stream: num(stream),
          seq: num(seq),
          // tshark prints tcp.ack even without the ACK flag; we leave it out then.
          ack: p.tcp!.flags.includes('ACK') ? num(ack) : undefined,
          nextSeq: num(nxt),
          win: num(win),
          dupAckNum: num(dupNum),
          analysis: flagsFromMessages(messages ?? '').sort(),
        });
      });
    });
  });
});
