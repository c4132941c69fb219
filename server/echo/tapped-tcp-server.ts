/**
 * A TCP server whose every socket call is tapped (accept, read, write, end, peer-end, error,
 * close); what it does with a connection is up to the behaviour given to it.
 */
import net from 'node:net';
import { conversationId } from '../../core/conversation-id.ts';
import type { Endpoint } from '../../core/protocol.ts';
import { endpointOf, previewOf, step, type Tap } from './tap.ts';
import { listenOn } from './listen-on.ts';

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

/** Listens on host:port (0 for any free port); rejects with the listen error (EADDRINUSE…). */
export async function startTappedTcpServer(
  host: string,
  tap: Tap,
  behaviour: Behaviour,
  port = 0,
): Promise<TappedServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    accept(socket, tap, behaviour);
  });
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

function accept(socket: net.Socket, tap: Tap, behaviour: Behaviour): void {
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
  behaviour({
    socket,
    write(bytes) {
      // Stamped before the call: the peer may see the bytes before write() returns.
      tap(step({ ...base, kind: 'write', bytes: bytes.length, preview: previewOf(bytes) }));
      return socket.write(bytes);
    },
    end() {
      tap(step({ ...base, kind: 'end' }));
      socket.end();
    },
    onRead: (l) => void readers.push(l),
    onPeerEnd: (l) => void enders.push(l),
  });
}
