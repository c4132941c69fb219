import { describe, it, expect } from 'vitest';
import type { ScenarioStatus } from '../../../core/protocol.ts';
import {
  applyStatus,
  focusedRun,
  markMine,
  MAX_RUNS,
  runningRun,
  runOk,
  type RunEntry,
} from './scenario-runs.ts';

const st = (
  runId: string,
  state: ScenarioStatus['state'],
  over: Partial<ScenarioStatus> = {},
): ScenarioStatus => ({
  runId,
  id: 'classic',
  state,
  position: 0,
  ...over,
});
const brief = (runs: RunEntry[]) => runs.map((r) => `${r.runId}:${r.state}${r.mine ? '*' : ''}`);

describe('applyStatus', () => {
  const cases = [
    {
      name: 'appends a new run',
      held: [],
      events: [st('run-1', 'queued')],
      expected: ['run-1:queued'],
    },
    {
      name: 'moves a run forward',
      held: [],
      events: [st('run-1', 'queued'), st('run-1', 'running'), st('run-1', 'done')],
      expected: ['run-1:done'],
    },
    {
      name: 'ignores a late older state',
      held: [],
      events: [st('run-1', 'done'), st('run-1', 'running')],
      expected: ['run-1:done'],
    },
    {
      name: 'updates the position of a waiting run',
      held: [],
      events: [st('run-2', 'queued', { position: 2 }), st('run-2', 'queued', { position: 1 })],
      expected: ['run-2:queued'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const runs = c.events.reduce(applyStatus, c.held as RunEntry[]);
      expect(brief(runs)).toEqual(c.expected);
    });
  }

  it('keeps the newest MAX_RUNS', () => {
    let runs: RunEntry[] = [];
    for (let i = 1; i <= MAX_RUNS + 3; i++) runs = applyStatus(runs, st(`run-${i}`, 'done'));
    expect(runs).toHaveLength(MAX_RUNS);
    expect(runs[0]?.runId).toBe('run-4');
  });

  it('keeps the position of the newest event', () => {
    const runs = [
      st('run-2', 'queued', { position: 2 }),
      st('run-2', 'queued', { position: 1 }),
    ].reduce(applyStatus, [] as RunEntry[]);
    expect(runs[0]?.position).toBe(1);
  });
});

describe('markMine', () => {
  const cases = [
    {
      name: 'ack after the broadcast marks the entry, keeping its newer state',
      held: [st('run-1', 'running')],
      ack: { ok: true as const, runId: 'run-1', state: 'queued' as const, position: 1 },
      expected: ['run-1:running*'],
    },
    {
      name: 'ack before any broadcast adds the entry',
      held: [],
      ack: { ok: true as const, runId: 'run-3', state: 'queued' as const, position: 1 },
      expected: ['run-3:queued*'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const held = c.held.reduce(applyStatus, [] as RunEntry[]);
      expect(brief(markMine(held, 'classic', c.ack))).toEqual(c.expected);
    });
  }
});

describe('focusedRun and runningRun', () => {
  const runs = [
    st('run-1', 'done'),
    st('run-2', 'running'),
    st('run-3', 'queued', { position: 1 }),
  ].reduce(applyStatus, [] as RunEntry[]);
  const cases = [
    { name: 'the picked run', runs, picked: 'run-1', expected: 'run-1' },
    {
      name: 'else this page’s newest',
      runs: markMine(runs, 'classic', { ok: true, runId: 'run-2', state: 'running', position: 0 }),
      picked: null,
      expected: 'run-2',
    },
    { name: 'else anyone’s newest', runs, picked: null, expected: 'run-3' },
    { name: 'nothing when no runs', runs: [], picked: null, expected: undefined },
  ];
  for (const c of cases)
    it(c.name, () => expect(focusedRun(c.runs, c.picked)?.runId).toBe(c.expected));
  it('finds the run playing', () => expect(runningRun(runs)?.runId).toBe('run-2'));
});

describe('runOk', () => {
  const verdict = (outcome: 'as-expected' | 'differs') => ({ outcome, summary: '', checks: [] });
  const cases = [
    {
      name: 'done as expected',
      s: st('r', 'done', { verdict: verdict('as-expected') }),
      expected: true,
    },
    {
      name: 'done differing',
      s: st('r', 'done', { verdict: verdict('differs') }),
      expected: false,
    },
    {
      name: 'done with an error',
      s: st('r', 'done', { verdict: verdict('as-expected'), error: 'x' }),
      expected: false,
    },
    { name: 'still running', s: st('r', 'running'), expected: false },
  ];
  for (const c of cases) it(c.name, () => expect(runOk(c.s)).toBe(c.expected));
});
