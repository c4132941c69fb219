/** What a scenario runner gets: where to connect, the tap, its knobs, and what it must register. */
import type dgram from 'node:dgram';
import type net from 'node:net';
import type { IngestedPacket } from '../../core/ingest/capture-ingest.ts';
import type { Endpoint } from '../../core/protocol.ts';
import type { ScenarioParams } from '../../core/scenario/scenario-expectations.ts';
import type { Tap } from '../echo/tap.ts';
import type { ScenarioEndpoints } from './scenario-endpoints.ts';

/** Every endpoint a scenario may talk to: the scenario endpoints and the lab's own echo. */
export interface ScenarioTargets extends Omit<ScenarioEndpoints, 'ports' | 'close'> {
  /** The classic TCP echo and the UDP echo (same port). */
  echo: Endpoint;
}

export interface ScenarioContext {
  tap: Tap;
  targets: ScenarioTargets;
  params: ScenarioParams;
  /** Registers a conversation of the run, in the order the run opens them. */
  addConv(conv: string): void;
  /** Every socket the runner opens, so the run can close it whatever happens. */
  track(socket: net.Socket | dgram.Socket): void;
  /**
   * Where packets a runner captures itself go (runs in their own network namespace), when
   * capture is on.
   */
  packets?: (packets: IngestedPacket[]) => void;
  /** Aborted when the run is over (deadline or not): stop what is still going. */
  signal: AbortSignal;
}

/** Runs one scenario to its end; throws when it could not (the verdict still judges the steps). */
export type ScenarioRunner = (ctx: ScenarioContext) => Promise<void>;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
