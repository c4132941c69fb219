/**
 * The TCP echo endpoint, as the classic PHP teaching server behaves: one read of the client's
 * message (at most 1024 bytes), one reply, then the server closes first (so it ends in TIME_WAIT).
 */
import net from 'node:net';
import { conversationId } from '../../core/conversation-id.ts';
import { MAX_MESSAGE_BYTES, type Endpoint } from '../../core/protocol.ts';
import { endpointOf, previewOf, step, type Tap } from './tap.ts';
import { listenOn } from './listen-on.ts';

export function tcpReply(message: string): string {
  return `Hello A, I am B. you msg is : ${message}\n`;
}

export interface TcpEcho {
  readonly address: Endpoint;
  close(): Promise<void>;
}

export async function startTcpEcho(host: string, port: number, tap: Tap): Promise<TcpEcho> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    serveOne(socket, tap);
    socket.on('close', () => sockets.delete(socket));
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

function serveOne(socket: net.Socket, tap: Tap): void {
  const local = endpointOf(socket.localAddress, socket.localPort);
  const remote = endpointOf(socket.remoteAddress, socket.remotePort);
  if (!local || !remote) {
    socket.destroy();
    return;
  }
  const conv = conversationId('tcp', remote, local);
  const base = { side: 'server', transport: 'tcp', local, remote, conv } as const;
  tap(step({ ...base, kind: 'accept' }));
  let answered = false;

  socket.on('data', (chunk: Buffer) => {
    if (answered) {
      // Bytes after the one read stay unread, as with the PHP server; still show they arrived.
      tap(step({ ...base, kind: 'read', bytes: chunk.length, preview: previewOf(chunk) }));
      return;
    }
    answered = true;
    const msg = chunk.subarray(0, MAX_MESSAGE_BYTES);
    tap(step({ ...base, kind: 'read', bytes: msg.length, preview: previewOf(msg) }));
    const reply = Buffer.from(tcpReply(msg.toString('utf8')));
    tap(step({ ...base, kind: 'write', bytes: reply.length, preview: previewOf(reply) }));
    socket.write(reply);
    tap(step({ ...base, kind: 'end' }));
    socket.end();
  });
  socket.on('end', () => {
    tap(step({ ...base, kind: 'peer-end' }));
    if (!answered) {
      answered = true;
      tap(step({ ...base, kind: 'end' }));
      socket.end();
    }
  });
  socket.on('error', (err: NodeJS.ErrnoException) => {
    tap(step({ ...base, kind: 'error', code: err.code ?? 'EIO', message: err.message }));
  });
  socket.on('close', () => tap(step({ ...base, kind: 'close' })));
}
