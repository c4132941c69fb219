/**
 * The presenter's session actions: a new live session (the old one is kept, closed, under the id
 * it is read back with after a restart; refused while a scenario runs, whose records would
 * otherwise be split across two sessions), rename, delete. Registered through GuardedEvents, so a
 * viewer's forged emit is refused before anything here runs.
 */
import { z } from 'zod';
import { MAX_SESSION_NAME, type SessionActionResult } from '../../core/session-actions.ts';
import { askOthers } from '../cluster/ask-others.ts';
import type { SessionAct } from '../cluster/cluster-events.ts';
import { ownerAnswer } from '../cluster/owner-answer.ts';
import type { GuardedEvents } from '../hub/guarded-events.ts';
import type { Hub } from '../hub/hub.ts';
import type { HubServer } from '../hub/hub-server.ts';
import type { Session } from '../hub/session.ts';
import type { SessionStore } from './session-store.ts';
import { folderName } from './store-layout.ts';

/** A name as typed: trimmed, no control or bidirectional-override characters. */
const nameSchema = z
  .string()
  .trim()
  .min(1, 'Type a name first.')
  .max(MAX_SESSION_NAME, `A name is at most ${MAX_SESSION_NAME} characters.`)
  .refine((n) => !/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.test(n), {
    message: 'A name may not hold control characters.',
  });
const idSchema = z.string().min(1).max(64);

export const newSessionSchema = z.strictObject({ name: nameSchema.optional() });
export const renameSessionSchema = z.strictObject({ session: idSchema, name: nameSchema });
export const deleteSessionSchema = z.strictObject({ session: idSchema });
/** Another process's presenter acting on one of ours (checked again: a process is trusted no more than a page). */
const sessionActSchema = z.discriminatedUnion('act', [
  renameSessionSchema.extend({ act: z.literal('rename') }),
  deleteSessionSchema.extend({ act: z.literal('delete') }),
]);

export interface SessionActionDeps {
  hub: Hub;
  store: SessionStore | null;
  lab: { readonly live: Session; renewLive(): Session };
  /**
   * Whether a scenario run is running or queued, here or on another process sharing Redis: its
   * records would be split across two sessions.
   */
  scenarioBusy?: () => boolean | Promise<boolean>;
  /** Other server processes share Redis: a session none of ours is acted on by its owner. */
  clustered?: boolean;
}

export function attachSessionActions(
  io: HubServer,
  events: GuardedEvents,
  deps: SessionActionDeps,
): void {
  const { hub, store, lab } = deps;
  const missing = (id: string): SessionActionResult => ({
    ok: false,
    error: `No session named "${id.slice(0, 64)}".`,
  });

  const newSession = async (name: string | undefined): Promise<SessionActionResult> => {
    if (await deps.scenarioBusy?.()) {
      return {
        ok: false,
        error: 'A scenario is running: start a new session once it has finished.',
      };
    }
    const old = lab.renewLive();
    const id = store
      ? store.retire(old)
      : folderName(old.id, old.startTime, (n) => hub.getSession(n) !== undefined);
    old.closeTitle();
    if (name !== undefined) lab.live.rename(name);
    hub.replaceSession(old, id, lab.live);
    store?.record(lab.live);
    if (name !== undefined) store?.rename(lab.live, name);
    return { ok: true, session: lab.live.id };
  };

  /** Renames or deletes one of this process's sessions; null when it is not one of ours. */
  const local = (act: SessionAct): SessionActionResult | null => {
    const session = hub.getSession(act.session);
    if (!session) return null;
    if (act.act === 'rename') {
      session.rename(act.name);
      store?.rename(session, act.name);
      hub.sessionsChanged();
      return { ok: true, session: act.session };
    }
    if (session === lab.live) {
      return {
        ok: false,
        error: 'The live session is being recorded: start a new session, then delete this one.',
      };
    }
    store?.remove(session);
    hub.removeSession(act.session);
    return { ok: true, session: act.session };
  };

  /** Ours, or else carried out by the process that owns it (pages elsewhere hear the new list). */
  const act = async (a: SessionAct): Promise<SessionActionResult> => {
    const mine = local(a);
    if (mine) return mine;
    if (deps.clustered) {
      const answer = ownerAnswer(await askOthers(io, 'clusterSessionAct', a), a.session);
      if (answer) return answer;
    }
    return missing(a.session);
  };

  if (deps.clustered) {
    io.on('clusterSessionAct', (req, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = sessionActSchema.safeParse(req);
      ack(parsed.success ? local(parsed.data) : null);
    });
  }

  io.on('connection', (socket) => {
    events.on(socket, 'newSession', newSessionSchema, ({ name }) => newSession(name));
    events.on(socket, 'renameSession', renameSessionSchema, ({ session, name }) =>
      act({ act: 'rename', session, name }),
    );
    events.on(socket, 'deleteSession', deleteSessionSchema, ({ session }) =>
      act({ act: 'delete', session }),
    );
  });
}
