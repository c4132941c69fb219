/** The typed socket.io server and socket of the hub, and the rooms pages join to follow a session. */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../core/protocol.ts';
import type { SocketData } from '../auth/socket-data.ts';
import type { InterServerEvents } from '../cluster/cluster-events.ts';

export type HubServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type HubSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

const ROOM_PREFIX = 'session:';

/** The room of the pages showing one session. */
export function sessionRoom(session: string): string {
  return `${ROOM_PREFIX}${session}`;
}

/** Leaves the session room the page was in (not the classroom's rooms) and enters this one. */
export function enterSessionRoom(socket: HubSocket, session: string): void {
  for (const r of socket.rooms) if (r.startsWith(ROOM_PREFIX)) void socket.leave(r);
  void socket.join(sessionRoom(session));
}
