/**
 * The presenter's session actions: a new live session (the old one is kept, closed, under the id
 * it is read back with after a restart; refused while a scenario runs, whose records would
 * otherwise be split across two sessions), rename, delete. Registered through GuardedEvents, so a
 * viewer's forged emit is refused before anything here runs.
 */
import { z } from 'zod';
import { MAX_SESSION_NAME, type SessionActionResult } from '../../core/session-actions.ts';
import type { GuardedEvents } from '../hub/guarded-events.ts';
import type { Hub, HubServer } from '../hub/hub.ts';
import type { Session } from '../hub/session.ts';
import { LIVE_TITLE } from '../lab.ts';
import { closedTitle } from './session-reader.ts';
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

export interface SessionActionDeps {
  hub: Hub;
  store: SessionStore | null;
  lab: { readonly live: Session; renewLive(): Session };
  /** Whether a scenario run is running or queued: its records would be split across two sessions. */
  scenarioBusy?: () => boolean;
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

  const newSession = (name: string | undefined): SessionActionResult => {
    if (deps.scenarioBusy?.()) {
      return {
        ok: false,
        error: 'A scenario is running: start a new session once it has finished.',
      };
    }
    const old = lab.renewLive();
    const id = store
      ? store.retire(old)
      : folderName(old.id, old.startTime, (n) => hub.getSession(n) !== undefined);
    if (old.title === LIVE_TITLE) old.rename(closedTitle(old.title, old.startTime));
    if (name !== undefined) lab.live.rename(name);
    hub.replaceSession(old, id, lab.live);
    store?.record(lab.live);
    if (name !== undefined) store?.rename(lab.live, name);
    return { ok: true, session: lab.live.id };
  };

  io.on('connection', (socket) => {
    events.on(socket, 'newSession', newSessionSchema, ({ name }) => newSession(name));
    events.on(
      socket,
      'renameSession',
      renameSessionSchema,
      ({ session: id, name }): SessionActionResult => {
        const session = hub.getSession(id);
        if (!session) return missing(id);
        session.rename(name);
        store?.rename(session, name);
        hub.sessionsChanged();
        return { ok: true, session: id };
      },
    );
    events.on(
      socket,
      'deleteSession',
      deleteSessionSchema,
      ({ session: id }): SessionActionResult => {
        const session = hub.getSession(id);
        if (!session) return missing(id);
        if (session === lab.live) {
          return {
            ok: false,
            error: 'The live session is being recorded: start a new session, then delete this one.',
          };
        }
        store?.remove(session);
        hub.removeSession(id);
        return { ok: true, session: id };
      },
    );
  });
}
