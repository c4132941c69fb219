import { describe, expect, it } from 'vitest';
import { Session } from './session.ts';
import type { PacketRecord, SocketStep } from '../../core/protocol.ts';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import { echoSession } from '../../core/export/testdata/echo-session.ts';

function stepRec(bytes: number): Omit<SocketStep, never> {
  return {
    type: 'step',
    kind: 'write',
    time: 1_700_000_000_000_000 + bytes,
    side: 'client',
    transport: 'tcp',
    local: { address: '127.0.0.1', port: 1 },
    remote: { address: '127.0.0.1', port: 2 },
    conv: 'c',
    bytes,
  };
}

describe('Session', () => {
  it('numbers records from 1 with no gaps and returns those after a given record number', () => {
    const s = new Session('live', 'live', 'Live', 0, 100);
    for (let i = 0; i < 5; i++) s.append(stepRec(i));
    expect(s.since(0).records.map((r) => r.recNo)).toEqual([1, 2, 3, 4, 5]);
    expect(s.since(3)).toEqual({
      records: [expect.objectContaining({ recNo: 4 }), expect.objectContaining({ recNo: 5 })],
      gap: false,
    });
    expect(s.since(5).records).toEqual([]);
    expect(s.info()).toMatchObject({ lastRecNo: 5, firstRecNo: 1 });
  });

  it('tells listeners about each record in order', () => {
    const s = new Session('x', 'live', 'x', 0, 10);
    const seen: number[] = [];
    const off = s.onRecord((r) => seen.push(r.recNo));
    s.append(stepRec(1));
    s.append(stepRec(2));
    off();
    s.append(stepRec(3));
    expect(seen).toEqual([1, 2]);
  });

  it('replaces the analysis of a packet when corrected and tells the correction listeners', () => {
    const s = new Session('x', 'live', 'x', 0, 10);
    s.append(stepRec(1));
    const packet = s.append(echoSession().records.find((r) => r.type === 'packet') as never);
    const told: number[] = [];
    s.onCorrection((recNo) => told.push(recNo));
    const analysis = { ...(packet as PacketRecord).analysis!, stream: 99 } satisfies PacketAnalysis;
    s.correct(packet.recNo, analysis);
    s.correct(1, analysis); // a step has no analysis to correct
    expect(told).toEqual([packet.recNo]);
    expect(s.range(1, 2, undefined, 10, 10).records[1]).toMatchObject({ analysis });
  });
});
