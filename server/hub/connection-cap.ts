/**
 * socket.io connections per remote address, at most `max`: the extra one is refused in the
 * handshake, so its page gets a connect_error naming the limit (and socket.io-client retries later).
 */
import { normalizeAddress } from '../../core/conversation-id.ts';
import type { HubServer } from './hub-server.ts';
import type { LogLine } from './throttled-log.ts';

export function capConnectionsPerAddress(io: HubServer, max: number, log: LogLine): void {
  const open = new Map<string, number>();
  io.use((socket, next) => {
    const address = normalizeAddress(socket.handshake.address);
    const n = open.get(address) ?? 0;
    if (n >= max) {
      log(`refused a page connection from ${address}: ${n} already open`);
      return next(
        new Error(`Too many pages open from ${address} (at most ${max}); close one and reload.`),
      );
    }
    open.set(address, n + 1);
    // Counted until the engine.io connection goes, whether or not a later middleware refuses it.
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    };
    socket.conn.once('close', release);
    socket.once('disconnect', release);
    next();
  });
}
