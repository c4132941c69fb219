import { describe, expect, it } from 'vitest';
import type { ScenarioId } from '../../core/scenario/scenario-id.ts';
import type { ScenarioStatus } from '../../core/scenario/scenario-status.ts';
import type { ScenarioRun } from './run-scenario.ts';
import { ScenarioQueue } from './scenario-queue.ts';

/** A run function whose runs end when the test says so. */
function controlled() {
  const pending: { id: ScenarioId; finish: () => void }[] = [];
  const run = (id: ScenarioId) =>
    new Promise<ScenarioRun>((resolve) => {
      pending.push({
        id,
        finish: () =>
          resolve({
            id,
            params: {},
            startTime: 1,
            endTime: 2,
            timeline: { convs: [`tcp a > ${id}`], steps: [], packets: [], captured: false },
            verdict: { outcome: 'as-expected', summary: 'As expected.', checks: [] },
          }),
      });
    });
  return { run, pending };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ScenarioQueue', () => {
  it('plays one run at a time, in order, and says where each one is', async () => {
    const c = controlled();
    const q = new ScenarioQueue(c.run);
    const seen: string[] = [];
    q.onStatus((s: ScenarioStatus) => seen.push(`${s.runId} ${s.id} ${s.state} ${s.position}`));
    expect(q.enqueue('classic', {}, 'a')).toEqual({
      ok: true,
      runId: 'run-1',
      state: 'running',
      position: 0,
    });
    expect(q.enqueue('udp', {}, 'b')).toEqual({
      ok: true,
      runId: 'run-2',
      state: 'queued',
      position: 1,
    });
    expect(c.pending.map((p) => p.id)).toEqual(['classic']);
    expect(q.statuses().map((s) => s.state)).toEqual(['running', 'queued']);
    c.pending[0]!.finish();
    await tick();
    expect(c.pending.map((p) => p.id)).toEqual(['classic', 'udp']);
    c.pending[1]!.finish();
    await tick();
    expect(seen).toEqual([
      'run-1 classic queued 0',
      'run-1 classic running 0',
      'run-2 udp queued 1',
      'run-1 classic done 0',
      'run-2 udp running 0',
      'run-2 udp done 0',
    ]);
    expect(q.statuses()).toEqual([]);
  });

  it('sends the verdict and the conversations with done', async () => {
    const c = controlled();
    const q = new ScenarioQueue(c.run);
    const done = new Promise<ScenarioStatus>((r) => q.onStatus((s) => s.state === 'done' && r(s)));
    q.enqueue('refused', {}, 'a');
    c.pending[0]!.finish();
    expect(await done).toMatchObject({
      id: 'refused',
      convs: ['tcp a > refused'],
      verdict: { outcome: 'as-expected' },
    });
  });

  it.each([
    {
      name: 'per page',
      limits: { maxWaiting: 8, maxPerOwner: 2 },
      owners: ['a', 'a', 'a'],
      error: /your scenario/,
    },
    {
      name: 'in all',
      limits: { maxWaiting: 1, maxPerOwner: 9 },
      owners: ['a', 'b', 'c'],
      error: /Too many scenarios/,
    },
  ])('bounds what waits: $name', ({ limits, owners, error }) => {
    const q = new ScenarioQueue(controlled().run, limits);
    const results = owners.map((o) => q.enqueue('classic', {}, o));
    expect(results.slice(0, 2).every((r) => r.ok)).toBe(true);
    expect(results[2]).toEqual({
      ok: false,
      error: expect.stringMatching(error),
      limit: 'scenario-queue',
    });
  });

  it('takes pages in turn: six pages asking again at once cannot keep a seventh out', async () => {
    const c = controlled();
    const q = new ScenarioQueue(c.run, { maxWaiting: 32, maxPerOwner: 1 });
    const greedy = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const started: string[] = [];
    q.onStatus((s) => {
      if (s.state === 'running') started.push(s.runId);
    });
    const owners = new Map<string, string>();
    const ask = (o: string) => {
      const r = q.enqueue('classic', {}, o);
      if (r.ok) owners.set(r.runId, o);
      return r.ok;
    };
    for (const o of greedy) expect(ask(o)).toBe(true);
    // A second run of the same page waits for its first: one per page.
    expect(ask('p1')).toBe(false);
    let seventhIn = false;
    // 60 rounds: each finished run's page asks again at once, and so does the seventh page.
    for (let round = 0; round < 60; round++) {
      await tick();
      const done = owners.get(started.at(-1)!)!;
      c.pending.at(-1)!.finish();
      await tick();
      ask(done);
      if (!seventhIn) seventhIn = ask('p7');
    }
    expect(seventhIn).toBe(true);
    // Every page had its turn, in order: no page ran twice before all the others ran once.
    const order = started.map((id) => owners.get(id)!);
    expect(order.slice(0, 6)).toEqual(greedy);
    expect(order.slice(6, 8)).toEqual(['p1', 'p7']);
    for (let i = 8; i + 7 <= order.length; i++) expect(new Set(order.slice(i, i + 7)).size).toBe(7);
  });

  it('on close drops the waiting runs and waits for the one playing', async () => {
    const c = controlled();
    const q = new ScenarioQueue(c.run);
    q.enqueue('classic', {}, 'a');
    q.enqueue('udp', {}, 'b');
    let closed = false;
    const closing = q.close().then(() => (closed = true));
    await tick();
    expect(closed).toBe(false);
    c.pending[0]!.finish();
    await closing;
    expect(c.pending.map((p) => p.id)).toEqual(['classic']);
    expect(q.enqueue('udp', {}, 'c')).toEqual({ ok: false, error: 'The server is shutting down.' });
  });
});
