/**
 * The TCP echo endpoint, as the classic PHP teaching server behaves: one read of the client's
 * message (at most 1024 bytes), one reply, then the server closes first (so it ends in TIME_WAIT).
 */
import { MAX_MESSAGE_BYTES } from '../../core/protocol.ts';
import type { Tap } from './tap.ts';
import type { EchoLimits } from './connection-caps.ts';
import { startTappedTcpServer, type Behaviour, type TappedServer } from './tapped-tcp-server.ts';

export function tcpReply(message: string): string {
  return `Hello A, I am B. you msg is : ${message}\n`;
}

/** Answers the first read and closes; a peer that closes without a word gets a close back. */
export const classicEcho: Behaviour = (conn) => {
  let answered = false;
  conn.onRead((chunk) => {
    // Bytes after the one read stay unanswered, as with the PHP server (they are still tapped).
    if (answered) return;
    answered = true;
    const msg = chunk.subarray(0, MAX_MESSAGE_BYTES).toString('utf8');
    conn.write(Buffer.from(tcpReply(msg)));
    conn.end();
  });
  conn.onPeerEnd(() => {
    if (answered) return;
    answered = true;
    conn.end();
  });
};

export type TcpEcho = TappedServer;

export function startTcpEcho(
  host: string,
  port: number,
  tap: Tap,
  limits?: EchoLimits,
): Promise<TcpEcho> {
  return startTappedTcpServer(host, tap, classicEcho, port, limits);
}
