/**
 * socket.io's side of roles: handshakes from another site's page are refused, and each
 * connection's role (from the presenter cookie of its handshake) goes into `socket.data.role`.
 */
import type { ServerOptions } from 'socket.io';
import type { HubServer } from '../hub/hub-server.ts';
import type { Roles } from './roles.ts';
import { sameOrigin } from './same-origin.ts';

/** For `new Server(http, { allowRequest })`: a foreign Origin gets 403 before any handshake. */
export const allowSameOrigin: ServerOptions['allowRequest'] = (req, callback) => {
  const ok = sameOrigin(req.headers);
  callback(ok ? null : 'Connections from another site are refused.', ok);
};

export function attachRoles(io: HubServer, roles: Roles): void {
  io.use((socket, next) => {
    socket.data.role = roles.roleOf(socket.handshake.headers);
    next();
  });
}
