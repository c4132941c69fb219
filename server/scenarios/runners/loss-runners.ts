/**
 * The loss scenarios, from the parent's side: which packets each one loses, and the impaired run
 * that plays it in a network namespace (see server/impair). Steps and packets join the session.
 */
import { fileURLToPath } from 'node:url';
import type { IngestedPacket } from '../../../core/ingest/capture-ingest.ts';
import type { SocketStep } from '../../../core/protocol.ts';
import type { LossScenarioId } from '../../../core/scenario/scenario-id.ts';
import * as size from '../../../core/scenario/scenario-sizes.ts';
import { runImpaired } from '../../impair/impaired-run.ts';
import type { LossPlan } from '../../impair/loss-rules.ts';
import type { ScenarioContext, ScenarioRunner } from '../scenario-context.ts';

export const LOSS_PLANS: Record<LossScenarioId, LossPlan> = {
  'syn-lost': { drop: 'first-syn' },
  'data-lost': { drop: 'client-data', nth: size.DATA_LOST_NTH },
  'ack-lost': { drop: 'first-server-ack' },
  'fin-lost': { drop: 'first-client-fin' },
  blackhole: { drop: 'after-handshake' },
};

const CHILD = fileURLToPath(new URL('./loss-child.ts', import.meta.url));

export interface LossPlayOptions {
  onStep(step: SocketStep): void;
  onPackets?: (packets: IngestedPacket[]) => void;
  signal?: AbortSignal;
  /** Arguments for the child instead of the scenario id (tests of the failure path). */
  childArgs?: string[];
}

/** Plays one loss scenario on its impaired link; resolves once the namespace is gone. */
export function playImpaired(id: LossScenarioId, opts: LossPlayOptions): Promise<void> {
  return runImpaired({
    plan: LOSS_PLANS[id],
    port: size.LOSS_SERVER_PORT,
    mtu: size.LOSS_MTU,
    child: [CHILD, ...(opts.childArgs ?? [id])],
    onStep: opts.onStep,
    onPackets: opts.onPackets,
    signal: opts.signal,
  });
}

/**
 * Where the child's steps go: the tap first, so that the session has named the connection (a
 * reused pair's `#2`) when the run registers it.
 */
export function lossSteps(ctx: ScenarioContext): (step: SocketStep) => void {
  return (s) => {
    ctx.tap(s);
    if (s.side === 'client' && s.conv) ctx.addConv(s.conv);
  };
}

export function lossRunner(id: LossScenarioId, childArgs?: string[]): ScenarioRunner {
  return (ctx) =>
    playImpaired(id, {
      onStep: lossSteps(ctx),
      onPackets: ctx.packets,
      signal: ctx.signal,
      childArgs,
    });
}
