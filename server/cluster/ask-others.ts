/**
 * Asks every other server process and takes what came back: the adapter waits 5 s for all of
 * them and rejects when one is late (or Redis is down), though the others may have answered.
 */
import type { HubServer } from '../hub/hub-server.ts';
import type { InterServerEvents } from './cluster-events.ts';

/** The arguments of an inter-server event, without its acknowledgement. */
type Args<E extends keyof InterServerEvents> =
  Parameters<InterServerEvents[E]> extends [...infer A, unknown] ? A : never;

export async function askOthers<E extends keyof InterServerEvents>(
  io: HubServer,
  event: E,
  ...args: Args<E>
): Promise<unknown[]> {
  const emit = io.serverSideEmitWithAck.bind(io) as (
    ev: string,
    ...a: unknown[]
  ) => Promise<unknown[]>;
  try {
    return await emit(event, ...args);
  } catch (err) {
    return (err as { responses?: unknown[] }).responses ?? [];
  }
}
