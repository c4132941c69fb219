/**
 * Packet Ladder against tshark 4.0 on real captures of the loss scenarios (taken inside their
 * impaired namespaces): every compared field of every frame, tcp.analysis flags included —
 * retransmission, fast and spurious retransmission, duplicate ACK, lost and ACKed-lost segment.
 * Then what our analysis adds: each retransmission names its original and what set it off.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOSS_SCENARIO_IDS, type LossScenarioId } from '../../core/scenario/scenario-id.ts';
import { writePcap } from '../../core/pcap/pcap-writer.ts';
import { createCaptureIngest } from '../../core/ingest/capture-ingest.ts';
import type { PacketRecord } from '../../core/protocol.ts';
import { playImpaired } from '../scenarios/runners/loss-runners.ts';
import { ourView } from './our-view.ts';
import type { PacketView } from './packet-view.ts';
import { describeFrames, flagsSeen } from './reference-run.ts';
import { tsharkView } from './tshark-view.ts';

const EN10MB = 1;

async function lossReference(
  id: LossScenarioId,
): Promise<{ ours: PacketView[]; tshark: PacketView[]; records: PacketRecord[] }> {
  const frames: { time: number; data: Uint8Array; origlen: number }[] = [];
  await playImpaired(id, {
    onStep: () => undefined,
    onPackets: (ps) => {
      for (const { frame } of ps)
        frames.push({ time: frame.time, data: frame.data.slice(), origlen: frame.origlen });
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'pl-loss-reference-'));
  try {
    const file = join(dir, `${id}.pcap`);
    const bytes = writePcap(frames, EN10MB);
    writeFileSync(file, bytes);
    const ingest = createCaptureIngest();
    const records = [...ingest.push(bytes), ...ingest.end()].map((x) => x.record);
    return { ours: ourView(file).views, tshark: tsharkView(file), records };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Flags tshark must find in each scenario's capture (so the comparison covers them). */
const MUST_SHOW: Record<LossScenarioId, string[]> = {
  'syn-lost': ['retransmission'],
  'data-lost': ['duplicate_ack', 'retransmission'],
  'ack-lost': ['retransmission', 'spurious_retransmission'],
  'fin-lost': ['retransmission'],
  blackhole: ['retransmission'],
};

describe('loss captures agree with tshark 4.0', () => {
  for (const id of LOSS_SCENARIO_IDS) {
    it(
      id,
      async () => {
        const { ours, tshark, records } = await lossReference(id);
        expect(describeFrames(ours)).toEqual(describeFrames(tshark));
        const seen = flagsSeen(tshark);
        for (const flag of MUST_SHOW[id]) expect([...seen]).toContain(flag);
        // Each retransmission names an earlier packet that carried the same first byte.
        const resent = records.filter((p) => p.analysis?.analysis?.includes('retransmission'));
        expect(resent.length).toBeGreaterThan(0);
        for (const p of resent) {
          const r = p.analysis!.retransmits;
          expect(r, `packet ${p.no}`).toBeDefined();
          const original = records[r!.original - 1]!;
          expect(original.analysis!.seq).toBeLessThanOrEqual(p.analysis!.seq!);
          expect(original.sport).toBe(p.sport);
          expect(r!.sinceUs).toBe(p.time - original.time);
        }
        if (id === 'syn-lost') {
          expect(resent[0]!.analysis!.retransmits).toMatchObject({
            original: 1,
            attempt: 1,
            trigger: 'timeout',
          });
          expect(resent[0]!.analysis!.retransmits!.sinceUs).toBeGreaterThan(900_000);
        }
        if (id === 'data-lost') {
          const fast = resent.find((p) => p.analysis!.analysis!.includes('fast_retransmission'));
          if (fast) expect(fast.analysis!.retransmits!.dupAcks).toBeGreaterThanOrEqual(2);
        }
        if (id === 'blackhole') {
          // One original, tried again and again, each wait longer than the one before.
          // (The server's FIN, sent when the child closes it, is retransmitted too: leave it out.)
          const r = resent
            .filter((p) => p.analysis!.from === 'client')
            .map((p) => p.analysis!.retransmits!);
          const waits = r.map((x) => x.sincePreviousUs);
          expect(new Set(r.map((x) => x.original)).size).toBe(1);
          expect(r.map((x) => x.attempt)).toEqual(r.map((_, i) => i + 1));
          for (let i = 2; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);
        }
      },
      60_000,
    );
  }
});
