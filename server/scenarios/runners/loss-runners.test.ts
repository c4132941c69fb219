/** The loss runners' steps reach the run under the connection's name, also on a reused pair. */
import { describe, expect, it } from 'vitest';
import { ConversationNames } from '../../../core/conversation-names.ts';
import { conversationId } from '../../../core/conversation-id.ts';
import type { SocketStep } from '../../../core/protocol.ts';
import { step } from '../../echo/tap.ts';
import { Session } from '../../hub/session.ts';
import { runScenario, type ScenarioEnv } from '../run-scenario.ts';
import type { ScenarioTargets } from '../scenario-context.ts';
import { SCENARIO_RUNNERS } from './scenario-runners.ts';
import { lossSteps } from './loss-runners.ts';

const client = { address: '10.200.0.2', port: 41000 };
const server = { address: '10.200.0.1', port: 23390 };
const conv = conversationId('tcp', client, server);

/** One connection's steps as the child in the namespace reports them. */
function connection(t0: number): SocketStep[] {
  const c = {
    side: 'client' as const,
    transport: 'tcp' as const,
    local: client,
    remote: server,
    conv,
  };
  const s = {
    side: 'server' as const,
    transport: 'tcp' as const,
    local: server,
    remote: client,
    conv,
  };
  return [
    step({ ...c, kind: 'connect', time: t0 }),
    step({ ...s, kind: 'accept', time: t0 + 1 }),
    step({ ...c, kind: 'write', bytes: 5, time: t0 + 2 }),
    step({ ...c, kind: 'close', time: t0 + 3 }),
    step({ ...s, kind: 'close', time: t0 + 4 }),
  ];
}

describe('lossSteps', () => {
  it('registers the connection the session named: a second run on the same pair is #2', async () => {
    const live = new Session('live', 'live', 'Live', 0, 1000, undefined, new ConversationNames());
    const env: ScenarioEnv = {
      tap: (s) => void live.append(s),
      targets: {} as ScenarioTargets,
      live,
      capturing: () => false,
    };
    const real = SCENARIO_RUNNERS['fin-lost'];
    let t0 = 1_000_000;
    SCENARIO_RUNNERS['fin-lost'] = async (ctx) => {
      const sink = lossSteps(ctx);
      for (const s of connection(t0)) sink(s);
    };
    try {
      const first = await runScenario('fin-lost', env);
      t0 = 5_000_000;
      const second = await runScenario('fin-lost', env);
      expect(first.timeline.convs).toEqual([conv]);
      expect(second.timeline.convs).toEqual([`${conv} #2`]);
      expect(second.timeline.steps.map((s) => `${s.side} ${s.kind}`)).toEqual([
        'client connect',
        'server accept',
        'client write',
        'client close',
        'server close',
      ]);
    } finally {
      SCENARIO_RUNNERS['fin-lost'] = real;
    }
  });
});
