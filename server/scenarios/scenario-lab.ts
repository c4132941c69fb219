/**
 * The lab plus the scenario endpoints, started in the order capture needs: endpoints first, then
 * the lab with their ports in `extraPorts`. The page server and the scenario command use it.
 */
import type { Endpoint } from '../../core/protocol.ts';
import { startLab, type Lab, type LabOptions } from '../lab.ts';
import { deferredTap } from './deferred-tap.ts';
import type { ScenarioTargets } from './scenario-context.ts';
import { startScenarioEndpoints, type ScenarioEndpoints } from './scenario-endpoints.ts';
import type { ScenarioEnv } from './run-scenario.ts';

export interface ScenarioLab {
  lab: Lab;
  endpoints: ScenarioEndpoints;
  env: ScenarioEnv;
  close(): Promise<void>;
}

/** `alsoCapture`: more ports for the capture filter (an operator's loopback target). */
export async function startScenarioLab(
  opts: LabOptions,
  alsoCapture: Endpoint[] = [],
): Promise<ScenarioLab> {
  const deferred = deferredTap();
  const endpoints = await startScenarioEndpoints(opts.echoHost, deferred.tap);
  let lab: Lab;
  try {
    const withPorts: LabOptions & { extraPorts: ScenarioEndpoints['ports'] } = {
      ...opts,
      extraPorts: {
        tcp: [...endpoints.ports.tcp, ...alsoCapture.map((e) => e.port)],
        udp: [...endpoints.ports.udp, ...alsoCapture.map((e) => e.port)],
      },
    };
    lab = await startLab(withPorts);
  } catch (err) {
    await endpoints.close();
    throw err;
  }
  deferred.attach(lab.tap);
  const env: ScenarioEnv = {
    tap: lab.tap,
    targets: targetsOf(lab.echo, endpoints),
    get live() {
      return lab.live;
    },
    capturing: () => lab.capture().state === 'running',
  };
  return {
    lab,
    endpoints,
    env,
    close: async () => {
      await lab.close();
      await endpoints.close();
    },
  };
}

export function targetsOf(echo: Endpoint, e: ScenarioEndpoints): ScenarioTargets {
  return {
    echo,
    bulkEcho: e.bulkEcho,
    keepOpenEcho: e.keepOpenEcho,
    slowReader: e.slowReader,
    tally: e.tally,
    ipv6Echo: e.ipv6Echo,
    closedTcpPort: e.closedTcpPort,
    closedUdpPort: e.closedUdpPort,
  };
}

/** The same targets with the operator's endpoint in place of the project's classic ones. */
export function retarget(t: ScenarioTargets, to: Endpoint): ScenarioTargets {
  return { ...t, echo: to, closedTcpPort: to, closedUdpPort: to };
}
