/** Sharing the repeated strings changes no value of a summary or an analysis extra. */
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import type { PacketAnalysis } from '../../../core/analysis/packet-analysis.ts';
import { SharedStrings } from './shared-strings.ts';

const summary = (port: number): ConversationSummary => ({
  conv: `tcp 127.0.0.1:${port} > 127.0.0.1:7`,
  transport: 'tcp',
  client: { address: '127.0.0.1', port },
  server: { address: '127.0.0.1', port: 7 },
  stream: port,
  connection: 2,
  firstTime: 1,
  lastTime: 2,
  packets: 10,
  packetsC2S: 5,
  packetsS2C: 5,
  bytesC2S: 100,
  bytesS2C: 100,
  state: { client: 'TIME_WAIT', server: 'CLOSED' },
  timeWaitSince: { client: 2 },
  phases: [
    { phase: 'setup', start: 1, end: 1, packets: 3, bytesC2S: 0, bytesS2C: 0 },
    { phase: 'data', start: 1, end: 2, packets: 4, bytesC2S: 100, bytesS2C: 100 },
    { phase: 'close', start: 2, end: 2, packets: 3, bytesC2S: 0, bytesS2C: 0 },
  ],
  handshakeRtt: 5,
  synAckRtt: 4,
  responseTime: 6,
  records: 10,
  steps: 0,
  origin: 'outside',
  ending: 'fin-client',
  errors: ['ECONNRESET', 'ICMP 3/3'],
  firstRecNo: 1,
  lastRecNo: 10,
});

describe('SharedStrings', () => {
  it('gives the first copy of equal strings', () => {
    const shared = new SharedStrings();
    expect(shared.of('data')).toBe('data');
    expect(shared.of(['da', 'ta'].join(''))).toBe('data');
  });

  it('leaves every field of a summary as it was', () => {
    const shared = new SharedStrings();
    const summaries = [summary(50000), summary(50001), { ...summary(50002), errors: undefined }];
    const want = structuredClone(summaries);
    for (const s of summaries) shared.summary(s);
    expect(summaries).toStrictEqual(want);
  });

  it('leaves every field of an analysis extra as it was', () => {
    const shared = new SharedStrings();
    const extras: Partial<PacketAnalysis>[] = [
      { teach: ['fin_acks_fin'], dupAckNum: 2, corrected: true },
      {
        retransmits: {
          original: 3,
          sinceUs: 10,
          sincePreviousUs: 10,
          attempt: 1,
          trigger: 'timeout',
        },
      },
      {},
    ];
    const want = structuredClone(extras);
    for (const e of extras) shared.extra(e);
    expect(extras).toStrictEqual(want);
  });
});
