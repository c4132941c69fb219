/**
 * A TCP server whose every socket call is tapped (accept, read, write, end, peer-end, error,
 * close); what it does with a connection is up to the behaviour given to it.
 */
import net from 'node:net';
import { conversationId, normalizeAddress } from '../../core/conversation-id.ts';
import type { Endpoint } from '../../core/protocol.ts';
import { endpointOf, previewOf, step, type Tap } from './tap.ts';
import { listenOn } from './listen-on.ts';
import { ConnectionCaps, type EchoLimits } from './connection-caps.ts';

/** One accepted connection, with tapped calls. */
export interface TappedConn {
  readonly socket: net.Socket;
  /** Writes and taps; false when the kernel buffer is full (wait for 'drain'). */
  write(bytes: Uint8Array): boolean;
  /** Half-closes (FIN) and taps. */
  end(): void;
  onRead(listener: (chunk: Buffer) => void): void;
  onPeerEnd(listener: () => void): void;
}

export type Behaviour = (conn: TappedConn) => void;

export interface TappedServer {
  readonly address: Endpoint;
  close(): Promise<void>;
}

/** After the idle close's FIN, how long the peer has to close its side before the socket goes. */
const IDLE_LINGER_MS = 5000;
/** Over-limit steps tapped per address, at most one a second (a flood must not flood the ladder). */
const OVER_LIMIT_STEP_MS = 1000;

/**
 * Listens on host:port (0 for any free port); rejects with the listen error (EADDRINUSE…).
 * With `limits`, connections past the caps are reset at once (one 'over-limit' step a second per
 * address), and a connection silent for the idle timeout gets an 'idle-close' step and a FIN.
 */
export async function startTappedTcpServer(
  host: string,
  tap: Tap,
  behaviour: Behaviour,
  port = 0,
  limits?: EchoLimits,
): Promise<TappedServer> {
  const sockets = new Set<net.Socket>();
  const caps = limits ? new ConnectionCaps(limits) : null;
  const lastOverLimit = new Map<string, number>();
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    const address = normalizeAddress(socket.remoteAddress ?? '');
    const refused = caps?.admit(address);
    if (refused) {
      overLimit(socket, address, refused);
      return;
    }
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      caps?.release(address);
    });
    accept(socket, tap, behaviour, limits?.echoIdleTimeoutMs);
  });
  const overLimit = (socket: net.Socket, address: string, reason: string) => {
    const now = performance.now();
    if (now - (lastOverLimit.get(address) ?? -Infinity) >= OVER_LIMIT_STEP_MS) {
      if (lastOverLimit.size > 10_000) lastOverLimit.clear();
      lastOverLimit.set(address, now);
      const local = endpointOf(socket.localAddress, socket.localPort);
      const remote = endpointOf(socket.remoteAddress, socket.remotePort);
      if (local && remote) {
        tap(
          step({
            kind: 'over-limit',
            side: 'server',
            transport: 'tcp',
            local,
            remote,
            conv: conversationId('tcp', remote, local),
            message: `Refused with RST: ${reason}.`,
          }),
        );
      }
    }
    socket.on('error', () => undefined);
    socket.resetAndDestroy();
  };
  await listenOn(server, host, port);
  const bound = server.address() as net.AddressInfo;
  const local = endpointOf(bound.address, bound.port)!;
  tap(step({ kind: 'listen', side: 'server', transport: 'tcp', local, remote: null, conv: '' }));
  return {
    address: local,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function accept(socket: net.Socket, tap: Tap, behaviour: Behaviour, idleMs?: number): void {
  const local = endpointOf(socket.localAddress, socket.localPort);
  const remote = endpointOf(socket.remoteAddress, socket.remotePort);
  if (!local || !remote) {
    socket.destroy();
    return;
  }
  const base = {
    side: 'server',
    transport: 'tcp',
    local,
    remote,
    conv: conversationId('tcp', remote, local),
  } as const;
  tap(step({ ...base, kind: 'accept' }));
  const readers: ((chunk: Buffer) => void)[] = [];
  const enders: (() => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    tap(step({ ...base, kind: 'read', bytes: chunk.length, preview: previewOf(chunk) }));
    for (const r of readers) r(chunk);
  });
  socket.on('end', () => {
    tap(step({ ...base, kind: 'peer-end' }));
    for (const e of enders) e();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => {
    tap(step({ ...base, kind: 'error', code: err.code ?? 'EIO', message: err.message }));
  });
  socket.on('close', () => tap(step({ ...base, kind: 'close' })));
  let ended = false;
  if (idleMs !== undefined) {
    socket.setTimeout(idleMs, () => {
      if (ended) {
        socket.destroy(); // silent again after our FIN: the peer is gone or holds its side open
        return;
      }
      tap(step({ ...base, kind: 'idle-close', durationUs: idleMs * 1000 }));
      tap(step({ ...base, kind: 'end' }));
      ended = true;
      socket.end();
      socket.setTimeout(Math.min(idleMs, IDLE_LINGER_MS));
    });
  }
  behaviour({
    socket,
    write(bytes) {
      // Stamped before the call: the peer may see the bytes before write() returns.
      tap(step({ ...base, kind: 'write', bytes: bytes.length, preview: previewOf(bytes) }));
      return socket.write(bytes);
    },
    end() {
      if (ended) return;
      ended = true;
      tap(step({ ...base, kind: 'end' }));
      socket.end();
    },
    onRead: (l) => void readers.push(l),
    onPeerEnd: (l) => void enders.push(l),
  });
}
