/**
 * The one way a socket.io event handler is registered (`GuardedEvents#on`). Every event of the
 * contract has a rule in EVENT_RULES (TypeScript refuses a new event without one): presenter
 * events refuse viewers — the single server-side role check — and every event spends a token from
 * its per-page and whole-server buckets. The payload is checked with its zod schema, and a bad
 * payload, a refusal or a throw becomes `{ ok: false, error }` to the ack and one log line,
 * never a crash.
 */
import type { z } from 'zod';
import type { ClientToServerEvents, LimitKind, Refusal, Role } from '../../core/protocol.ts';
import type { HubSocket } from './hub-server.ts';
import { firstIssue } from './messages.ts';
import type { LogLine } from './throttled-log.ts';
import { TokenBucket } from './token-bucket.ts';

export type EventName = keyof ClientToServerEvents;

export interface EventRule {
  /** Who may emit it: 'presenter' events change what others see. */
  role: 'anyone' | 'presenter';
  /**
   * Which rate it counts against: 'triggers' start traffic, 'reads' ask for data, 'class' are
   * the classroom's view updates and quiz messages (many a second while replaying).
   */
  bucket: 'triggers' | 'reads' | 'class';
}

export const EVENT_RULES = {
  join: { role: 'anyone', bucket: 'reads' },
  range: { role: 'anyone', bucket: 'reads' },
  scenarios: { role: 'anyone', bucket: 'reads' },
  send: { role: 'presenter', bucket: 'triggers' },
  runScenario: { role: 'presenter', bucket: 'triggers' },
  presenterView: { role: 'presenter', bucket: 'class' },
  quizAsk: { role: 'presenter', bucket: 'class' },
  quizReveal: { role: 'presenter', bucket: 'class' },
  quizClose: { role: 'presenter', bucket: 'class' },
  quizAnswer: { role: 'anyone', bucket: 'class' },
  newSession: { role: 'presenter', bucket: 'triggers' },
  renameSession: { role: 'presenter', bucket: 'triggers' },
  deleteSession: { role: 'presenter', bucket: 'triggers' },
  rosterClear: { role: 'presenter', bucket: 'class' },
  rosterArchive: { role: 'presenter', bucket: 'reads' },
} as const satisfies Record<EventName, EventRule>;

/** The events only a presenter may emit. */
export type PresenterEvent = {
  [E in EventName]: (typeof EVENT_RULES)[E]['role'] extends 'presenter' ? E : never;
}[EventName];

export const PRESENTER_EVENTS = (Object.keys(EVENT_RULES) as EventName[]).filter(
  (e): e is PresenterEvent => EVENT_RULES[e].role === 'presenter',
);

export interface RateLimits {
  /** Triggers (send, runScenario) per second of one page; bursts of twice that. */
  triggersPerClient: number;
  /** Triggers per second of every page together; bursts of twice that. */
  triggersTotal: number;
  /** Joins and catalog requests per second of one page; bursts of twice that. */
  readsPerClient: number;
}

/** Classroom messages a second of one page (bursts of twice that): a replay at 4× stays within. */
const CLASS_RATE = 30;

/** Marks a listener registered through `on`, so a test can check that no other kind exists. */
export const GUARDED = Symbol('guarded listener');

type Last<T extends unknown[]> = T extends [...unknown[], infer L] ? L : never;
type AckOf<E extends EventName> = Last<Parameters<ClientToServerEvents[E]>>;
/** What the handler of event E answers (the ack's argument). */
export type Answer<E extends EventName> = AckOf<E> extends (res: infer R) => void ? R : never;

interface ClientBuckets {
  triggers: TokenBucket;
  reads: TokenBucket;
  class: TokenBucket;
}

export class GuardedEvents {
  private totalTriggers: TokenBucket;
  private clients = new WeakMap<HubSocket, ClientBuckets>();

  constructor(
    private limits: RateLimits,
    private log: LogLine,
  ) {
    this.totalTriggers = new TokenBucket(limits.triggersTotal, limits.triggersTotal * 2);
  }

  /**
   * Registers `handler` for `event` on `socket`: it runs only for a page the event's rule allows,
   * with a payload `schema` accepts, within the rates; its answer (or refusal) goes to the ack.
   */
  on<E extends EventName, S extends z.ZodType>(
    socket: HubSocket,
    event: E,
    schema: S,
    handler: (data: z.output<S>) => Answer<E> | Promise<Answer<E>>,
  ): void {
    const rule: EventRule = EVENT_RULES[event];
    const where = () => `${socket.handshake.address} (${socket.id})`;
    const listener = (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (res: unknown) => void) : null;
      const refuse = (error: string, limit?: LimitKind) => {
        this.log(`refused "${event}" from ${where()}: ${error}`);
        const res: Refusal = limit ? { ok: false, error, limit } : { ok: false, error };
        if (ack) ack(res);
      };
      try {
        if (!ack) return refuse('no acknowledgement function was given.');
        if (rule.role === 'presenter' && roleOf(socket) !== 'presenter') {
          return refuse('Only the presenter can do this; this page is a viewer.', 'viewer');
        }
        if (args.length > 1) return refuse('Invalid request: too many arguments.');
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) return refuse(firstIssue(parsed.error));
        const limited = this.spend(socket, rule.bucket);
        if (limited) return refuse(limited.error, limited.limit);
        Promise.resolve(handler(parsed.data))
          .then(ack, (err: unknown) =>
            refuse(`The server could not do "${event}": ${oneLine(err)}`),
          )
          .catch((err: unknown) => this.log(`could not answer "${event}": ${oneLine(err)}`));
      } catch (err) {
        refuse(`The server could not do "${event}": ${oneLine(err)}`);
      }
    };
    Object.defineProperty(listener, GUARDED, { value: true });
    // The typed `on` cannot name a listener taking any arguments: it is checked by hand above.
    (socket as unknown as { on(e: string, l: (...a: unknown[]) => void): void }).on(
      event,
      listener,
    );
  }

  /**
   * Answers events outside the contract with a refusal (when they carry an ack) and one log line;
   * socket.io would otherwise drop them without a word.
   */
  refuseUnknown(socket: HubSocket): void {
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && Object.hasOwn(EVENT_RULES, event)) return;
      const name = String(event).slice(0, 40);
      this.log(`refused unknown event "${name}" from ${socket.handshake.address} (${socket.id})`);
      const ack = args.at(-1);
      if (typeof ack === 'function') ack({ ok: false, error: `Unknown event "${name}".` });
    });
  }

  private spend(
    socket: HubSocket,
    bucket: EventRule['bucket'],
  ): { error: string; limit: LimitKind } | null {
    let mine = this.clients.get(socket);
    if (!mine) {
      const { triggersPerClient: t, readsPerClient: r } = this.limits;
      mine = {
        triggers: new TokenBucket(t, t * 2),
        reads: new TokenBucket(r, r * 2),
        class: new TokenBucket(CLASS_RATE, CLASS_RATE * 2),
      };
      this.clients.set(socket, mine);
    }
    if (bucket === 'class') {
      return mine.class.take()
        ? null
        : { error: 'Too many classroom messages: wait a second.', limit: 'class-rate' };
    }
    if (bucket === 'reads') {
      return mine.reads.take()
        ? null
        : { error: 'Too many requests for records: wait a second.', limit: 'read-rate' };
    }
    if (!mine.triggers.take()) {
      return { error: 'Too many sends: wait a second.', limit: 'trigger-rate' };
    }
    if (!this.totalTriggers.take()) {
      mine.triggers.refund();
      return {
        error: 'The class is sending too much at once: wait a second.',
        limit: 'trigger-rate-total',
      };
    }
    return null;
  }
}

/** The page's role; 'presenter' when roles are off (no middleware set one). */
export function roleOf(socket: HubSocket): Role {
  return socket.data.role ?? 'presenter';
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').slice(0, 200);
}
