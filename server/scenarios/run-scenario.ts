/**
 * Runs one scenario against the lab: plays it within a deadline, closes every socket it opened
 * whatever happens, waits for the last steps and packets, and judges what was seen.
 */
import type dgram from 'node:dgram';
import type net from 'node:net';
import type { PacketRecord, SocketStep } from '../../core/protocol.ts';
import { expectationsFor, type ScenarioParams } from '../../core/scenario/scenario-expectations.ts';
import type { ScenarioId } from '../../core/scenario/scenario-id.ts';
import { scenarioEntry } from '../../core/scenario/scenario-catalog.ts';
import type { RunTimeline } from '../../core/scenario/run-timeline.ts';
import { captureCaughtUp, captureGaps } from '../../core/scenario/capture-caught-up.ts';
import { judgeRun, type Verdict } from '../../core/scenario/verdict.ts';
import { nowMicros, type Tap } from '../echo/tap.ts';
import { packetAppender } from '../hub/packet-appender.ts';
import type { Session } from '../hub/session.ts';
import { SCENARIO_RUNNERS } from './runners/scenario-runners.ts';
import { sleep, type ScenarioTargets } from './scenario-context.ts';

/** Longest a scenario may play before its sockets are closed under it. */
export const SCENARIO_DEADLINE_MS = 9000;
/**
 * The same for a run on an impaired link, which first makes a namespace and starts a Node child
 * in it (seconds, many on a loaded machine) before a blackhole's 3.4 s of retransmissions.
 */
export const IMPAIRED_DEADLINE_MS = 30_000;

/** How long a run past its deadline waits for its runner to clean up after itself. */
function cleanupMs(id: ScenarioId): number {
  return scenarioEntry(id).impaired ? 15_000 : 3000;
}

export interface ScenarioEnv {
  tap: Tap;
  targets: ScenarioTargets;
  /** The session the tap (and the capture) writes to. */
  live: Session;
  /** Capture is running now. */
  capturing: () => boolean;
}

export interface ScenarioRun {
  id: ScenarioId;
  params: ScenarioParams;
  /** Microseconds since the epoch. */
  startTime: number;
  endTime: number;
  timeline: RunTimeline;
  verdict: Verdict;
  /** Why the run could not play to its end, when it could not. */
  error?: string;
}

export async function runScenario(
  id: ScenarioId,
  env: ScenarioEnv,
  params: ScenarioParams = {},
  deadlineMs = scenarioEntry(id).impaired ? IMPAIRED_DEADLINE_MS : SCENARIO_DEADLINE_MS,
): Promise<ScenarioRun> {
  const fromRecNo = env.live.info().lastRecNo;
  const capturedAtStart = env.capturing();
  const startTime = nowMicros();
  const convs: string[] = [];
  const sockets = new Set<net.Socket | dgram.Socket>();
  let error: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const over = new AbortController();
  let play: Promise<void> | undefined;
  try {
    play = SCENARIO_RUNNERS[id]({
      tap: env.tap,
      targets: env.targets,
      params,
      addConv: (plain) => {
        // Runners know their pair's plain id; the session named the connection.
        const c = env.live.names?.current(plain, 'client') ?? plain;
        env.live.summaries.markOrigin(c, 'scenario');
        if (!convs.includes(c)) convs.push(c);
      },
      track: (s) => void sockets.add(s),
      packets: capturedAtStart ? packetAppender(env.live) : undefined,
      signal: over.signal,
    });
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`The scenario did not finish within ${deadlineMs / 1000} s.`)),
        deadlineMs,
      );
    });
    await Promise.race([play, deadline]);
  } catch (err) {
    error = (err as Error).message;
  } finally {
    clearTimeout(timer);
    over.abort();
    await closeAll(sockets);
    // A runner past its deadline still cleans up (a namespace, a child process): wait for it.
    if (error && play) await Promise.race([play.catch(() => undefined), sleep(cleanupMs(id))]);
  }
  await settle(env.live, fromRecNo, convs, capturedAtStart && env.capturing());
  const endTime = nowMicros();
  const collected = collect(env.live, fromRecNo, convs, capturedAtStart && env.capturing());
  const gaps = captureGaps(collected);
  const timeline = gaps ? { ...collected, captureGaps: gaps } : collected;
  const verdict = judgeRun(expectationsFor(id, params), timeline);
  return { id, params, startTime, endTime, timeline, verdict, ...(error ? { error } : {}) };
}

/** Destroys what is still open and waits (briefly) for each close. */
async function closeAll(sockets: Set<net.Socket | dgram.Socket>): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const s of sockets) {
    if ('destroyed' in s) {
      if (s.destroyed) continue;
      waits.push(new Promise((r) => s.once('close', () => r())));
      s.destroy();
    } else {
      try {
        waits.push(new Promise((r) => s.once('close', () => r())));
        s.close();
      } catch {
        waits.pop(); // already closed
      }
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<void>((r) => (timer = setTimeout(r, 1000)));
  await Promise.race([Promise.all(waits), cap]);
  clearTimeout(timer);
}

/**
 * The run's last records come a little after its sockets close: the server's close steps, and
 * the packets, which capture delivers behind the sockets (further behind on a busy machine).
 */
const QUIET_MS = 150;
const SETTLE_MAX_MS = 3000;

async function settle(
  live: Session,
  fromRecNo: number,
  convs: string[],
  capturing: boolean,
): Promise<void> {
  const mine = new Set(convs);
  let last = Date.now();
  const off = live.onRecord((r) => {
    if (r.type === 'packet' ? r.conv !== undefined && mine.has(r.conv) : mine.has(r.conv))
      last = Date.now();
  });
  const end = Date.now() + SETTLE_MAX_MS;
  const done = () =>
    Date.now() - last >= QUIET_MS &&
    (!capturing || captureCaughtUp(collect(live, fromRecNo, convs, true)));
  try {
    while (!done() && Date.now() < end) await sleep(25);
  } finally {
    off();
  }
}

function collect(
  live: Session,
  fromRecNo: number,
  convs: string[],
  captured: boolean,
): RunTimeline {
  const mine = new Set(convs);
  const steps: SocketStep[] = [];
  const packets: PacketRecord[] = [];
  for (const r of live.since(fromRecNo).records) {
    const { recNo: _recNo, ...rec } = r;
    void _recNo;
    if (rec.type === 'step' && mine.has(rec.conv)) steps.push(rec);
    else if (rec.type === 'packet' && rec.conv !== undefined && mine.has(rec.conv))
      packets.push(rec);
  }
  return { convs, steps, packets, captured };
}
