/**
 * A dropped flow made into a new one (newFlowRecord with a spare) is the same as a new one: every
 * field of the record, its summary, TCP state and directions is set, whatever it held before. The
 * key lists are typed as every key of their type, so a field added later must be listed here.
 */
import { describe, expect, it } from 'vitest';
import { newFlowRecord, type FlowRecord, type TcpFlowState } from './flow-record.ts';
import type { ConversationSummary } from './conversation-summary.ts';
import type { TcpDirection } from './tcp-direction.ts';

const every = <T>(keys: Record<keyof T, true>) => Object.keys(keys);
const RECORD = every<FlowRecord>({
  key: true,
  summary: true,
  tcp: true,
  closedAt: true,
  firstRequestTime: true,
  older: true,
  newer: true,
  sameKey: true,
});
const SUMMARY = every<ConversationSummary>({
  conv: true,
  transport: true,
  client: true,
  server: true,
  stream: true,
  connection: true,
  firstTime: true,
  lastTime: true,
  packets: true,
  packetsC2S: true,
  packetsS2C: true,
  bytesC2S: true,
  bytesS2C: true,
  state: true,
  timeWaitSince: true,
  phases: true,
  handshakeRtt: true,
  synAckRtt: true,
  responseTime: true,
  records: true,
  steps: true,
  origin: true,
  ending: true,
  errors: true,
  firstRecNo: true,
  lastRecNo: true,
});
const TCP = every<TcpFlowState>({
  dirs: true,
  conn: true,
  states: true,
  phase: true,
  sawSynAck: true,
  handshakeDone: true,
  sawFin: true,
  sawRst: true,
  lastSynTime: true,
  firstSynTime: true,
  openSyns: true,
});
const DIRECTION = every<TcpDirection>({
  baseSeq: true,
  baseSet: true,
  winScale: true,
  isFirstAck: true,
  window: true,
  nextseq: true,
  nextseqTime: true,
  maxseqtobeacked: true,
  lastack: true,
  lastackTime: true,
  lastacklen: true,
  dupacknum: true,
  lastsegmentflags: true,
  segments: true,
  segmentsLength: true,
  sent: true,
  sentLength: true,
  sentAcked: true,
  sentAckedLength: true,
});
/** Lists a direction keeps (their room is kept; entries past their lengths are never read). */
const LISTS = ['segments', 'sent', 'sentAcked'];

/** Every field but those in `keep` set to a value no new flow has. */
function spoil(o: object, keys: string[], keep: string[]): void {
  for (const k of keys) if (!keep.includes(k)) (o as Record<string, unknown>)[k] = 'spoiled';
}

const C = { address: '127.0.0.1', port: 50000 };
const S = { address: '127.0.0.1', port: 8080 };

describe('newFlowRecord with a dropped flow', () => {
  for (const firstIsSyn of [true, false])
    it(`makes the same TCP flow as a new one (first packet ${firstIsSyn ? 'SYN' : 'data'})`, () => {
      const spare = newFlowRecord(1, 'tcp', S, C, 7, 5, !firstIsSyn);
      spoil(spare, RECORD, ['summary', 'tcp']);
      spoil(spare.summary, SUMMARY, ['phases']);
      spare.summary.phases.push({
        phase: 'data',
        start: 1,
        end: 2,
        packets: 3,
        bytesC2S: 4,
        bytesS2C: 5,
      });
      const t = spare.tcp!;
      spoil(t, TCP, ['dirs']);
      for (const d of [t.dirs.client, t.dirs.server]) spoil(d, DIRECTION, LISTS);

      const fresh = newFlowRecord(2, 'tcp', C, S, 3, 1_000, firstIsSyn);
      const renewed = newFlowRecord(2, 'tcp', C, S, 3, 1_000, firstIsSyn, spare);
      expect(renewed).toBe(spare);
      expect(renewed).toEqual(fresh);
      for (const side of ['client', 'server'] as const)
        for (const list of LISTS)
          expect((renewed.tcp!.dirs[side] as unknown as Record<string, unknown>)[list]).toEqual(
            (fresh.tcp!.dirs[side] as unknown as Record<string, unknown>)[list],
          );
    });

  it('makes the same UDP flow as a new one', () => {
    const spare = newFlowRecord(1, 'udp', S, C, 7, 5, false);
    spoil(spare, RECORD, ['summary']);
    spoil(spare.summary, SUMMARY, ['phases']);
    const fresh = newFlowRecord(2, 'udp', C, S, 3, 1_000, false);
    expect(newFlowRecord(2, 'udp', C, S, 3, 1_000, false, spare)).toEqual(fresh);
  });
});
