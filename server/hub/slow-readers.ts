/**
 * Pages that do not read (a paused or frozen tab) must not make the server hold everything sent
 * to them: every 100 ms, a page with more than `maxBytes` waiting (engine.io's write buffer plus
 * the bytes queued in its WebSocket) has its connection cut at once, which frees them. The page
 * reconnects by itself and names its old connection in the handshake (`auth.was`), so its hello
 * says it fell behind.
 */
import type { HubServer, HubSocket } from './hub-server.ts';
import type { LogLine } from './throttled-log.ts';
import { dropOldest } from '../../core/drop-oldest.ts';

const CHECK_MS = 100;
/** Connections remembered as dropped, for the hello of their reconnection. */
const REMEMBERED = 1000;

/** What engine.io keeps per connection, as far as this check reads it. */
interface EngineConn {
  writeBuffer: { data?: unknown }[];
  transport: { socket?: { bufferedAmount?: number; terminate?: () => void } };
  close(discard?: boolean): void;
}

export interface SlowReaders {
  /** True when the connection named in a handshake was dropped for falling behind. */
  fellBehind(previousId: unknown): boolean;
  stop(): void;
}

/** Bytes waiting to go to this page. */
export function pendingBytes(socket: HubSocket): number {
  const conn = socket.conn as unknown as EngineConn;
  let n = conn.transport.socket?.bufferedAmount ?? 0;
  for (const p of conn.writeBuffer) {
    const d = p.data;
    n += typeof d === 'string' ? d.length : d instanceof Uint8Array ? d.byteLength : 0;
  }
  return n;
}

export function dropSlowReaders(io: HubServer, maxBytes: number, log: LogLine): SlowReaders {
  const dropped = new Set<string>();
  const timer = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      const pending = pendingBytes(socket);
      if (pending <= maxBytes) continue;
      log(
        `dropped the page at ${socket.handshake.address} (${socket.id}): ` +
          `${Math.round(pending / 1024)} KiB waiting, more than ${Math.round(maxBytes / 1024)} KiB`,
      );
      dropped.add(socket.id);
      if (dropped.size > REMEMBERED) dropOldest(dropped);
      const conn = socket.conn as unknown as EngineConn;
      // Cut the TCP connection itself: a close handshake would wait behind the unread bytes.
      if (conn.transport.socket?.terminate) conn.transport.socket.terminate();
      else conn.close(true);
    }
  }, CHECK_MS);
  timer.unref();
  return {
    fellBehind: (previousId) => typeof previousId === 'string' && dropped.has(previousId),
    stop: () => clearInterval(timer),
  };
}
