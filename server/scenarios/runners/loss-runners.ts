/**
 * The loss scenarios, from the parent's side: which packets each one loses, and the impaired run
 * that plays it in a network namespace (see server/impair). Steps and packets join the session.
 */
import { fileURLToPath } from 'node:url';
import type { LossScenarioId } from '../../../core/scenario/scenario-id.ts';
import * as size from '../../../core/scenario/scenario-sizes.ts';
import { runImpaired } from '../../impair/impaired-run.ts';
import type { LossPlan } from '../../impair/loss-rules.ts';
import type { ScenarioRunner } from '../scenario-context.ts';

export const LOSS_PLANS: Record<LossScenarioId, LossPlan> = {
  'syn-lost': { drop: 'first-syn' },
  'data-lost': { drop: 'client-data', nth: size.DATA_LOST_NTH },
  'ack-lost': { drop: 'first-server-ack' },
  'fin-lost': { drop: 'first-client-fin' },
  blackhole: { drop: 'after-handshake' },
};

const CHILD = fileURLToPath(new URL('./loss-child.ts', import.meta.url));

export function lossRunner(id: LossScenarioId, childArgs: string[] = [id]): ScenarioRunner {
  return async (ctx) => {
    await runImpaired({
      plan: LOSS_PLANS[id],
      port: size.LOSS_SERVER_PORT,
      mtu: size.LOSS_MTU,
      child: [CHILD, ...childArgs],
      onStep: (s) => {
        if (s.side === 'client' && s.conv) ctx.addConv(s.conv);
        ctx.tap(s);
      },
      onPackets: ctx.packets,
      signal: ctx.signal,
    });
  };
}
