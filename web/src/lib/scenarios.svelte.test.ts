import { describe, it, expect, afterEach } from 'vitest';
import type { ScenarioStatus } from '../../../core/protocol.ts';
import { Connection } from './connection.svelte.ts';
import { Scenarios } from './scenarios.svelte.ts';
import { FakeSocket, info, settle } from './testdata/fake-socket.ts';

let stop: () => void = () => {};
afterEach(() => stop());

function setup() {
  const socket = new FakeSocket();
  socket.held.set('live', []);
  const conn = new Connection(socket.asSocket());
  const calls: string[] = [];
  const scenarios = new Scenarios(conn, {
    started: () => calls.push('started'),
    finished: (convs) => calls.push(`finished ${convs.join('|')}`),
  });
  conn.start();
  stop = () => conn.stop();
  socket.hello([info('live', 'live', 'Live')]);
  return { socket, scenarios, calls };
}

const status = (
  runId: string,
  state: ScenarioStatus['state'],
  over: Partial<ScenarioStatus> = {},
) => ({ runId, id: 'classic', state, position: 0, ...over }) as ScenarioStatus;

describe('Scenarios', () => {
  it('loads the catalog and the runs under way', async () => {
    const { socket, scenarios } = setup();
    socket.catalog = {
      scenarios: [
        {
          id: 'classic',
          title: 'Classic exchange',
          description: ['a', 'b'],
          transport: 'tcp',
          targetable: true,
          expects: [],
        },
      ],
      runs: [status('run-7', 'running', { id: 'bulk' })],
    };
    await scenarios.load();
    expect(scenarios.catalog.map((s) => s.id)).toEqual(['classic']);
    expect(scenarios.running?.runId).toBe('run-7');
    expect(scenarios.focused?.mine).toBe(false);
  });

  it('runs the picked scenario; concurrent carries its clients, bounded', async () => {
    const { socket, scenarios } = setup();
    await scenarios.run();
    scenarios.selected = 'concurrent';
    scenarios.clients = 99;
    await scenarios.run();
    expect(socket.runs).toEqual([{ id: 'classic' }, { id: 'concurrent', clients: 20 }]);
  });

  it('tells when its own run starts and ends, and not for other pages’ runs', async () => {
    const { socket, scenarios, calls } = setup();
    socket.fire('scenario', status('run-1', 'queued'));
    socket.fire('scenario', status('run-1', 'running'));
    socket.runAnswer = { ok: true, runId: 'run-1', state: 'running', position: 0 };
    await scenarios.run();
    expect(scenarios.focused).toMatchObject({ runId: 'run-1', mine: true, state: 'running' });
    socket.fire('scenario', status('run-1', 'done', { convs: ['tcp a > b'] }));
    socket.fire('scenario', status('run-2', 'running', { id: 'bulk' }));
    socket.fire('scenario', status('run-2', 'done', { id: 'bulk', convs: ['tcp c > d'] }));
    await settle();
    expect(calls).toEqual(['started', 'finished tcp a > b']);
    expect(scenarios.focused?.runId).toBe('run-1');
  });

  it('a queued run of its own says how many are ahead, then starts', async () => {
    const { socket, scenarios, calls } = setup();
    socket.fire('scenario', status('run-1', 'running', { id: 'bulk' }));
    socket.runAnswer = { ok: true, runId: 'run-2', state: 'queued', position: 1 };
    await scenarios.run();
    expect(scenarios.focused).toMatchObject({ runId: 'run-2', state: 'queued', position: 1 });
    expect(scenarios.running?.runId).toBe('run-1');
    expect(calls).toEqual([]);
    socket.fire('scenario', status('run-1', 'done', { id: 'bulk' }));
    socket.fire('scenario', status('run-2', 'running'));
    expect(calls).toEqual(['started']);
  });

  it('shows the server’s refusal', async () => {
    const { socket, scenarios } = setup();
    socket.runAnswer = {
      ok: false,
      error: 'Wait for your scenarios to finish before asking for more.',
    };
    await scenarios.run();
    expect(scenarios.error).toBe('Wait for your scenarios to finish before asking for more.');
    expect(scenarios.runs).toEqual([]);
  });
});
