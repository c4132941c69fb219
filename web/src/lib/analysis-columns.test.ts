/** Every field of a packet's analysis comes back from the columns as it went in. */
import { describe, expect, it } from 'vitest';
import { ANALYSIS_FLAGS, type PacketAnalysis } from '../../../core/analysis/packet-analysis.ts';
import { putAnalysis, readAnalysis, type AnalysisColumns } from './analysis-columns.ts';

function columns(n: number): AnalysisColumns {
  return {
    stream: new Int32Array(n),
    from: new Uint8Array(n),
    seq: new Float64Array(n),
    ack: new Float64Array(n),
    nextSeq: new Float64Array(n),
    win: new Float64Array(n),
    clientState: new Uint8Array(n),
    serverState: new Uint8Array(n),
    phase: new Uint8Array(n),
    flags: new Uint16Array(n),
  };
}

/** Through the columns and back, the extra fields kept as the builder keeps them. */
function roundTrip(a: PacketAnalysis | undefined): {
  back: PacketAnalysis | undefined;
  extra: Partial<PacketAnalysis> | undefined;
} {
  const c = columns(3);
  const extra = putAnalysis(c, 1, a);
  return { back: readAnalysis(c, 1, extra), extra };
}

const every: PacketAnalysis = {
  stream: 7,
  from: 'server',
  seq: 4_294_967_295,
  ack: 1,
  nextSeq: 0,
  win: 65_535 * 16_384,
  states: { client: 'FIN_WAIT_2', server: 'CLOSE_WAIT' },
  phase: 'close',
  analysis: [...ANALYSIS_FLAGS],
  dupAckNum: 3,
  teach: ['keep_alive', 'fin_acks_fin'],
  corrected: true,
  retransmits: {
    original: 12,
    sinceUs: 400_000,
    sincePreviousUs: 200_000,
    attempt: 2,
    trigger: 'duplicate_acks',
    dupAcks: 3,
  },
};

describe('analysis columns', () => {
  const cases: { name: string; input: PacketAnalysis | undefined }[] = [
    { name: 'every field set', input: every },
    { name: 'only stream and side (UDP)', input: { stream: 0, from: 'client' } },
    { name: 'an empty flag list', input: { stream: 1, from: 'client', analysis: [] } },
    {
      name: 'each flag alone',
      input: { stream: 2, from: 'server', analysis: [ANALYSIS_FLAGS.at(-1)!] },
    },
    {
      name: 'each state and phase',
      input: { ...every, states: { client: 'LISTEN', server: 'UNKNOWN' }, phase: 'setup' },
    },
    { name: 'no analysis', input: undefined },
  ];
  for (const c of cases)
    it(`${c.name}: read back as written`, () => {
      const { back } = roundTrip(c.input);
      expect(back).toStrictEqual(c.input);
    });

  it('keeps no extra for fields that are there but undefined (core creates them so)', () => {
    const a: PacketAnalysis = {
      stream: 4,
      from: 'client',
      seq: 1,
      ack: 1,
      nextSeq: 1,
      win: 512,
      states: { client: 'ESTABLISHED', server: 'ESTABLISHED' },
      phase: 'data',
      analysis: undefined,
      dupAckNum: undefined,
      teach: undefined,
      corrected: undefined,
      retransmits: undefined,
    };
    const { back, extra } = roundTrip(a);
    expect(extra).toBeUndefined();
    expect(back).toEqual(a);
  });

  it('keeps as extras only the fields without a column', () => {
    const { extra } = roundTrip(every);
    expect(extra).toStrictEqual({
      dupAckNum: 3,
      teach: ['keep_alive', 'fin_acks_fin'],
      corrected: true,
      retransmits: every.retransmits,
    });
  });
});
