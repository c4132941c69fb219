/** Corrections from the analyzer reach the session's records, by record number, and are announced. */
import { describe, expect, it } from 'vitest';
import { ConversationNames } from '../../core/conversation-names.ts';
import { createCaptureIngest } from '../../core/ingest/capture-ingest.ts';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import { writePcap } from '../../core/pcap/index.ts';
import { refusedFrames } from '../cli/testdata/handshake-frames.ts';
import { packetAppender } from './packet-appender.ts';
import { Session } from './session.ts';

const refused = () => {
  const ingest = createCaptureIngest();
  return [...ingest.push(writePcap(refusedFrames(), 1)), ...ingest.end()];
};

describe('packetAppender', () => {
  it('corrects a refused SYN’s row in the session (server CLOSED) and tells the listeners', () => {
    const s = new Session('live', 'live', 'Live', 0, 100);
    s.append({
      type: 'step',
      kind: 'connect',
      time: 1,
      side: 'client',
      transport: 'tcp',
      local: { address: '10.0.0.1', port: 40000 },
      remote: { address: '10.0.0.2', port: 80 },
      conv: 'c',
      bytes: 0,
    });
    const heard: [number, PacketAnalysis][] = [];
    s.onCorrection((recNo, analysis) => heard.push([recNo, analysis]));
    packetAppender(s)(refused());
    const [, syn, rst] = s.since(0).records;
    // the SYN is record 2 (after the step), packet 1 of the ingest
    expect(syn).toMatchObject({
      recNo: 2,
      analysis: { states: { client: 'SYN_SENT', server: 'CLOSED' }, corrected: true },
    });
    expect(rst).toMatchObject({ recNo: 3, analysis: { states: { server: 'CLOSED' } } });
    expect(heard).toEqual([[2, expect.objectContaining({ corrected: true })]]);
  });

  it('tells each ingest’s streams apart: a second capture’s SYN on the same pair is a new connection', () => {
    const s = new Session('live', 'live', 'Live', 0, 100, undefined, new ConversationNames());
    // Two captures one after the other, each numbering its streams from 0.
    packetAppender(s)(refused());
    packetAppender(s)(refused());
    const convs = s.since(0).records.map((r) => r.conv);
    expect(convs).toHaveLength(4);
    expect(convs.slice(2)).toEqual(convs.slice(0, 2).map((c) => `${c} #2`));
  });

  it('sends a correction to the session its packet went to, after the live one was replaced', () => {
    const first = new Session('a', 'live', 'A', 0, 100);
    const second = new Session('b', 'live', 'B', 0, 100);
    let now = first;
    const append = packetAppender(() => now);
    const [syn, rst] = refused();
    append([syn!]);
    now = second;
    append([rst!]);
    expect(first.since(0).records[0]).toMatchObject({ analysis: { corrected: true } });
    expect(second.since(0).records[0]).not.toHaveProperty('analysis.corrected');
  });

  it('leaves a record already dropped from the ring alone', () => {
    const s = new Session('x', 'live', 'x', 0, 1);
    const heard: number[] = [];
    s.onCorrection((recNo) => heard.push(recNo));
    packetAppender(s)(refused());
    expect(s.since(0).records.map((r) => r.recNo)).toEqual([2]);
    expect(heard).toEqual([]);
  });
});
