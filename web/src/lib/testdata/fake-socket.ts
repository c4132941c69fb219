/** A stand-in for the socket.io client: records what the page asks, answers from a table. */
import type {
  Hello,
  JoinRequest,
  JoinResult,
  RangeRequest,
  RangeResult,
  RunScenarioRequest,
  RunScenarioResult,
  ScenarioCatalog,
  SessionInfo,
  SessionRecord,
} from '../../../../core/protocol.ts';
import type { ConversationSummary } from '../../../../core/analysis/conversation-summary.ts';
import { SummaryTracker } from '../../../../core/analysis/summary-tracker.ts';
import type { AppSocket } from '../app-socket.ts';

type Handler = (...args: never[]) => void;

export function info(id: string, kind: SessionInfo['kind'], title: string, lastRecNo = 0): SessionInfo {
  return { id, kind, title, startTime: 1_000_000, lastRecNo, firstRecNo: 1 };
}

export function helloOf(sessions: SessionInfo[]): Hello {
  return {
    echo: { host: '127.0.0.1', port: 23333 },
    capture: { state: 'off' },
    sessions,
    maxRecords: 100,
    role: 'presenter',
  };
}

export class FakeSocket {
  handlers = new Map<string, Handler>();
  connected = false;
  active = true;
  io = { on: () => {} };
  joins: JoinRequest[] = [];
  ranges: RangeRequest[] = [];
  runs: RunScenarioRequest[] = [];
  /** Records per session id; a join for another id fails like the server's. */
  held = new Map<string, SessionRecord[]>();
  catalog: ScenarioCatalog = { scenarios: [], runs: [] };
  runAnswer: RunScenarioResult = { ok: true, runId: 'run-1', state: 'running', position: 0 };

  on(event: string, fn: Handler): this {
    this.handlers.set(event, fn);
    return this;
  }
  off(event: string, fn: Handler): this {
    if (this.handlers.get(event) === fn) this.handlers.delete(event);
    return this;
  }
  connect(): void {
    this.connected = true;
    this.fire('connect');
  }
  disconnect(): void {
    this.connected = false;
  }
  fire(event: string, ...args: unknown[]): void {
    (this.handlers.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
  }
  hello(sessions: SessionInfo[]): void {
    this.fire('hello', helloOf(sessions));
  }
  timeout() {
    return { emitWithAck: (event: string, req?: unknown) => Promise.resolve(this.#answer(event, req)) };
  }
  asSocket(): AppSocket {
    return this as unknown as AppSocket;
  }

  #answer(event: string, req: unknown): unknown {
    if (event === 'join') {
      const r = req as JoinRequest;
      this.joins.push(r);
      const records = this.held.get(r.session);
      const res: JoinResult = records
        ? {
            ok: true,
            session: info(r.session, r.session === 'live' ? 'live' : 'file', r.session, records.length),
            records: records.filter((x) => x.recNo > r.after),
            summaries: summariesOf(records),
            gap: false,
          }
        : { ok: false, error: `No session named "${r.session}".` };
      return res;
    }
    if (event === 'range') {
      const r = req as RangeRequest;
      this.ranges.push(r);
      const records = (this.held.get(r.session) ?? []).filter(
        (x) => x.recNo >= r.from && x.recNo <= r.to && (!r.conv || x.conv === r.conv),
      );
      return { ok: true, records, next: null } satisfies RangeResult;
    }
    if (event === 'scenarios') return this.catalog;
    if (event === 'runScenario') {
      this.runs.push(req as RunScenarioRequest);
      return this.runAnswer;
    }
    throw new Error(`unexpected ${event}`);
  }
}

/** Lets pending promise callbacks and zero-delay timers run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/** What the server's tracker says about the records held, as a join reply carries it. */
function summariesOf(records: readonly SessionRecord[]): ConversationSummary[] {
  const tracker = new SummaryTracker();
  for (const r of records) tracker.add(r);
  return tracker.all();
}
