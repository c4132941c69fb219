/** Scenarios that are the built-in clients' exchanges: classic, concurrent, ipv6, udp, udp-unreachable. */
import { CLASSIC_MESSAGE } from '../../../core/scenario/scenario-sizes.ts';
import { clientsOf } from '../../../core/scenario/scenario-expectations.ts';
import { ClientError } from '../../clients/tcp-client.ts';
import type { ScenarioContext, ScenarioRunner } from '../scenario-context.ts';
import { exchange } from './exchange.ts';

export const classic: ScenarioRunner = async (ctx) => {
  await exchange(ctx, 'tcp', ctx.targets.echo, CLASSIC_MESSAGE);
};

export const ipv6: ScenarioRunner = async (ctx) => {
  const target = ctx.targets.ipv6Echo;
  if (!target) throw new Error('This machine has no IPv6 loopback (::1) to run the scenario on.');
  await exchange(ctx, 'tcp', target, CLASSIC_MESSAGE);
};

/** All clients start at once; conversations are registered in client order. */
export const concurrent: ScenarioRunner = async (ctx) => {
  const n = clientsOf(ctx.params);
  const convs: string[] = [];
  const runs = Array.from({ length: n }, (_, i) => {
    const own: ScenarioContext = { ...ctx, addConv: (c) => (convs[i] = c) };
    return exchange(own, 'tcp', ctx.targets.echo, `${CLASSIC_MESSAGE}${i + 1}`);
  });
  const results = await Promise.allSettled(runs);
  for (const c of convs) if (c) ctx.addConv(c);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
};

export const udp: ScenarioRunner = async (ctx) => {
  await exchange(ctx, 'udp', ctx.targets.echo, CLASSIC_MESSAGE);
};

/** The failure is the point: ECONNREFUSED is expected, a reply is not. */
export const udpUnreachable: ScenarioRunner = async (ctx) => {
  try {
    await exchange(ctx, 'udp', ctx.targets.closedUdpPort, CLASSIC_MESSAGE);
  } catch (err) {
    if (err instanceof ClientError) return;
    throw err;
  }
  throw new Error('A reply came back from a port that should be closed.');
};
