/**
 * What the server keeps on each socket.io connection (`socket.data`), typed as the fourth
 * generic of `Server`: the role an io middleware gave the page, unset when roles are off.
 */
import type { Role } from '../../core/protocol.ts';

export interface SocketData {
  role: Role;
}
