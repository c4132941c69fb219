/** The page's typed socket.io socket, and what every call over it shares. */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../core/protocol.ts';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The live session's id on a server serving alone (several processes name theirs `live-…`). */
export const LIVE_SESSION = 'live';
/** How long a call waits for the server's answer. */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * Emits `event` and waits for its answer, for events named by a type parameter (the classroom's
 * and the session actions), which socket.io's typed emit cannot take.
 */
export function ask<T>(socket: AppSocket, event: string, req: unknown): Promise<T> {
  const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
    emitWithAck(event: string, req: unknown): Promise<T>;
  };
  return timed.emitWithAck(event, req);
}
