/**
 * The built-in TCP client: connect, write the message, read until the server closes, then close.
 * Every call is tapped as a client-side step.
 */
import net from 'node:net';
import { conversationId } from '../../core/conversation-id.ts';
import type { Endpoint } from '../../core/protocol.ts';
import { endpointOf, nowMicros, previewOf, step, type Tap } from '../echo/tap.ts';

export interface ClientResult {
  conv: string;
  reply: string;
}

/** A client error that carries the conversation it happened in (for the page to select). */
export class ClientError extends Error {
  constructor(
    message: string,
    readonly conv?: string,
  ) {
    super(message);
  }
}

export function tcpExchange(
  target: Endpoint,
  message: Uint8Array,
  tap: Tap,
  timeoutMs = 5000,
): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const started = nowMicros();
    const socket = net.connect({ host: target.address, port: target.port, allowHalfOpen: true });
    let conv = conversationId('tcp', { address: '?', port: 0 }, target);
    let local: Endpoint = { address: '?', port: 0 };
    const chunks: Buffer[] = [];
    let settled = false;
    const base = () => ({ side: 'client', transport: 'tcp', local, remote: target, conv }) as const;
    const fail = (text: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new ClientError(text, conv));
    };
    const timer = setTimeout(
      () => fail(`No answer from ${target.address}:${target.port} within ${timeoutMs / 1000} s.`),
      timeoutMs,
    );

    socket.on('connect', () => {
      local = endpointOf(socket.localAddress, socket.localPort) ?? local;
      conv = conversationId('tcp', local, target);
      tap(step({ ...base(), kind: 'connect', durationUs: nowMicros() - started }));
      tap(step({ ...base(), kind: 'write', bytes: message.length, preview: previewOf(message) }));
      socket.write(message);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      tap(step({ ...base(), kind: 'read', bytes: chunk.length, preview: previewOf(chunk) }));
    });
    socket.on('end', () => {
      tap(step({ ...base(), kind: 'peer-end' }));
      tap(step({ ...base(), kind: 'end' }));
      socket.end();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'EIO';
      tap(step({ ...base(), kind: 'error', code, message: err.message }));
      clearTimeout(timer);
      fail(describeError(code, target));
    });
    socket.on('close', () => {
      tap(step({ ...base(), kind: 'close' }));
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      resolve({ conv, reply: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** One sentence a student can act on. */
export function describeError(code: string, target: Endpoint): string {
  const where = `${target.address}:${target.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `Connection refused: nothing listens on ${where} (is the echo endpoint down?).`;
    case 'ECONNRESET':
      return `The connection to ${where} was reset by the peer.`;
    case 'ETIMEDOUT':
      return `Connecting to ${where} timed out.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} cannot be reached from here.`;
    default:
      return `Socket error ${code} talking to ${where}.`;
  }
}
