/**
 * Integration: the loss scenarios on their impaired links, as root with nftables. Each verdict
 * must hold on three runs in a row, and no namespace may outlive its run (even a failed one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOSS_SCENARIO_IDS } from '../../core/scenario/scenario-id.ts';
import * as size from '../../core/scenario/scenario-sizes.ts';
import { listNamespaces } from '../impair/network-namespace.ts';
import { impairSupport } from '../impair/impair-support.ts';
import { runScenario, type ScenarioRun } from './run-scenario.ts';
import { lossRunner } from './runners/loss-runners.ts';
import { SCENARIO_RUNNERS } from './runners/scenario-runners.ts';
import type { ScenarioLab } from './scenario-lab.ts';
import { flagged, kinds, packets, startTestLab, why } from './testdata/scenario-test-lab.ts';

let sl: ScenarioLab;
let before: string[];
beforeAll(async () => {
  expect(impairSupport()).toEqual({ ok: true });
  before = listNamespaces().sort();
  sl = await startTestLab();
  expect(sl.lab.capture().state).toBe('running');
});
afterAll(() => sl?.close());

/** Times of the client's packets that carry `flag`, in ms after the first packet of the run. */
function clientTimes(run: ScenarioRun, flag?: string): number[] {
  const ps = run.timeline.packets;
  const t0 = ps[0]?.time ?? 0;
  return ps
    .filter((p) => p.analysis?.from === 'client')
    .filter((p) => !flag || p.analysis?.analysis?.includes(flag as never))
    .map((p) => (p.time - t0) / 1000);
}

/** What else each scenario must show, beyond its verdict. */
const DETAILS: Record<(typeof LOSS_SCENARIO_IDS)[number], (run: ScenarioRun) => void> = {
  'syn-lost': (run) => {
    expect(packets(run).slice(0, 4)).toEqual([
      'client SYN',
      'client SYN',
      'server SYN,ACK',
      'client ACK',
    ]);
    // The SYN is resent after Linux's initial RTO of 1 s.
    const [resent] = clientTimes(run, 'retransmission');
    expect(resent).toBeGreaterThan(900);
    expect(resent).toBeLessThan(1500);
    const connect = run.timeline.steps.find((s) => s.kind === 'connect')!;
    expect(connect.durationUs).toBeGreaterThan(900_000);
  },
  'data-lost': (run) => {
    expect(flagged(run, 'duplicate_ack').every((f) => f === 'server duplicate_ack')).toBe(true);
    // The duplicate ACKs name what did arrive past the hole: SACK blocks.
    const dup = run.timeline.packets.find((p) => p.analysis?.analysis?.includes('duplicate_ack'));
    expect(dup?.tcp?.options.sack?.length).toBeGreaterThan(0);
    // The first retransmission resends the lost segment: the 5th, 4 × 1448 bytes in.
    const resent = run.timeline.packets.filter((p) =>
      p.analysis?.analysis?.includes('retransmission'),
    );
    expect(resent.every((p) => p.analysis?.from === 'client')).toBe(true);
    expect(resent[0]?.analysis?.seq).toBe((size.DATA_LOST_NTH - 1) * 1448 + 1);
  },
  'ack-lost': (run) => {
    expect(flagged(run, 'spurious_retransmission')).toEqual(['client spurious_retransmission']);
    expect(kinds(run, 'server')).toEqual(['accept', 'read', 'peer-end', 'end', 'close']);
  },
  'fin-lost': (run) => {
    const fins = packets(run).filter((p) => p.includes('FIN'));
    expect(fins.map((p) => p.split(' ')[0])).toEqual(['client', 'client', 'server']);
  },
  blackhole: (run) => {
    const times = clientTimes(run, 'retransmission');
    expect(times.length).toBeGreaterThanOrEqual(size.BLACKHOLE_MIN_RETRANSMISSIONS);
    // Exponential backoff: each gap at least about twice the one before, after the first.
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]! * 1.6);
    const err = run.timeline.steps.find((s) => s.kind === 'error');
    const connect = run.timeline.steps.find((s) => s.kind === 'connect');
    expect(err?.code).toBe('ETIMEDOUT');
    // Bounded by tcp_retries2 in the namespace: seconds, not Linux's default quarter of an hour.
    expect((err!.time - connect!.time) / 1e6).toBeLessThan(5);
  },
};

describe('loss scenarios on an impaired link', () => {
  for (const id of LOSS_SCENARIO_IDS) {
    it(`${id}: the verdict holds on 3 runs in a row`, async () => {
      for (let i = 1; i <= 3; i++) {
        const run = await runScenario(id, sl.env);
        expect(run.error, `run ${i}`).toBeUndefined();
        expect(run.verdict.outcome, `run ${i}: ${why(run)}`).toBe('as-expected');
        expect(run.timeline.captured).toBe(true);
        DETAILS[id](run);
      }
      expect(listNamespaces().sort()).toEqual(before);
    }, 60_000);
  }

  it('a run that fails still removes its namespace', async () => {
    const real = SCENARIO_RUNNERS['syn-lost'];
    // The child is told to play a scenario that does not exist: it fails inside the namespace.
    SCENARIO_RUNNERS['syn-lost'] = lossRunner('syn-lost', ['no-such-scenario']);
    try {
      const run = await runScenario('syn-lost', sl.env);
      expect(run.error).toContain('No loss scenario "no-such-scenario"');
      expect(run.verdict.outcome).toBe('differs');
    } finally {
      SCENARIO_RUNNERS['syn-lost'] = real;
    }
    expect(listNamespaces().sort()).toEqual(before);
  });

  it('a run past its deadline kills the child and removes its namespace', async () => {
    const run = await runScenario('blackhole', sl.env, {}, 1500);
    expect(run.error).toContain('did not finish within 1.5 s');
    expect(listNamespaces().sort()).toEqual(before);
  });
});
