/** Which runner plays which scenario. */
import type { ScenarioId } from '../../../core/scenario/scenario-id.ts';
import type { ScenarioRunner } from '../scenario-context.ts';
import { classic, concurrent, ipv6, udp, udpUnreachable } from './classic-runners.ts';
import { clientCloses, keepalive, multiMessage, refused, reset } from './connection-runners.ts';
import { bulk, nagle, slowReaderRun } from './flow-runners.ts';
import { lossRunner } from './loss-runners.ts';

export const SCENARIO_RUNNERS: Record<ScenarioId, ScenarioRunner> = {
  classic,
  'client-closes': clientCloses,
  refused,
  reset,
  bulk,
  'slow-reader': slowReaderRun,
  'multi-message': multiMessage,
  nagle,
  concurrent,
  keepalive,
  udp,
  'udp-unreachable': udpUnreachable,
  ipv6,
  'syn-lost': lossRunner('syn-lost'),
  'data-lost': lossRunner('data-lost'),
  'ack-lost': lossRunner('ack-lost'),
  'fin-lost': lossRunner('fin-lost'),
  blackhole: lossRunner('blackhole'),
};
