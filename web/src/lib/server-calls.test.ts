import { describe, it, expect } from 'vitest';
import type { ScenarioStatus } from '../../../core/protocol.ts';
import { ServerCalls } from './server-calls.ts';
import { FakeSocket } from './testdata/fake-socket.ts';

const status = (runId: string, state: ScenarioStatus['state']) =>
  ({ runId, id: 'classic', state, position: 0 }) as ScenarioStatus;

describe('ServerCalls', () => {
  it('tells every scenario listener of every run until it stops listening', () => {
    const socket = new FakeSocket();
    const calls = new ServerCalls(socket.asSocket());
    const a: string[] = [];
    const b: string[] = [];
    const stopA = calls.onScenario((s) => a.push(`${s.runId} ${s.state}`));
    calls.onScenario((s) => b.push(`${s.runId} ${s.state}`));
    socket.fire('scenario', status('run-1', 'running'));
    stopA();
    socket.fire('scenario', status('run-1', 'done'));
    expect(a).toEqual(['run-1 running']);
    expect(b).toEqual(['run-1 running', 'run-1 done']);
  });

  it('sends a scenario run and returns the server answer', async () => {
    const socket = new FakeSocket();
    const calls = new ServerCalls(socket.asSocket());
    await expect(calls.runScenario({ id: 'classic' })).resolves.toMatchObject({ ok: true });
    expect(socket.runs).toEqual([{ id: 'classic' }]);
  });

  it('turns a session action the server did not answer into one refusal line', async () => {
    const calls = new ServerCalls(new FakeSocket().asSocket());
    await expect(calls.act('newSession', {})).resolves.toEqual({
      ok: false,
      error: 'unexpected newSession',
    });
  });

  it('listens to a server event until the returned function is called', () => {
    const socket = new FakeSocket();
    const calls = new ServerCalls(socket.asSocket());
    const seen: unknown[] = [];
    const stop = calls.on('capture', (c) => seen.push(c.state));
    socket.fire('capture', { state: 'off' });
    stop();
    socket.fire('capture', { state: 'running' });
    expect(seen).toEqual(['off']);
  });
});
