/**
 * "A scenario is running", known to every process sharing Redis and not only to the one running
 * it: while this process runs or queues a scenario it holds a Redis key of its own that expires
 * unless renewed, so a process that dies mid-run lets go by itself. While Redis is away, each
 * process knows only its own runs.
 */
import type { RedisKeys } from './redis-link.ts';

const PREFIX = 'packet-ladder:scenario-running:';
/** How long a hold lasts unless renewed: after a crash, the others wait at most this long. */
export const HOLD_MS = 15_000;
/** Renewed this often while held; also takes the hold again after Redis comes back empty. */
const RENEW_MS = 5_000;

export interface ScenarioHold {
  /** Whether another process runs or queues a scenario now (false when Redis cannot say). */
  elsewhere(): Promise<boolean>;
  /** Takes or lets go of this process's hold after its own runs changed (done once Redis answered). */
  changed(): Promise<void>;
  stop(): Promise<void>;
}

export function holdScenarioRuns(
  keys: RedisKeys,
  node: string,
  busyHere: () => boolean,
  times = { holdMs: HOLD_MS, renewMs: RENEW_MS },
): ScenarioHold {
  const mine = PREFIX + node;
  let held = false;
  let stopped = false;
  // Commands go down one connection in order, so a hold then a release land in that order.
  const sync = async (): Promise<void> => {
    if (stopped) return;
    if (busyHere()) {
      held = true;
      await keys.hold(mine, node, times.holdMs).catch(() => undefined);
    } else if (held) {
      held = false;
      await keys.drop(mine).catch(() => undefined);
    }
  };
  const timer = setInterval(() => held && void sync(), times.renewMs);
  timer.unref();
  return {
    elsewhere: async () => {
      try {
        return (await keys.list(PREFIX)).some((k) => k !== mine);
      } catch {
        return false;
      }
    },
    changed: sync,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (held) await keys.drop(mine).catch(() => undefined);
    },
  };
}
