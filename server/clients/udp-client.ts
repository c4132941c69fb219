/** The built-in UDP client: one datagram to the echo endpoint, one reply awaited, then close. */
import dgram from 'node:dgram';
import { conversationId } from '../../core/conversation-id.ts';
import type { Endpoint } from '../../core/protocol.ts';
import { endpointOf, previewOf, step, type Tap } from '../echo/tap.ts';
import { udpTypeFor } from '../echo/udp-echo.ts';
import { ClientError, describeError, type ClientResult } from './tcp-client.ts';

export function udpExchange(
  target: Endpoint,
  message: Uint8Array,
  tap: Tap,
  timeoutMs = 2000,
): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket(udpTypeFor(target.address));
    let local: Endpoint = { address: '?', port: 0 };
    let conv = conversationId('udp', local, target);
    let settled = false;
    const base = () => ({ side: 'client', transport: 'udp', local, remote: target, conv }) as const;
    const finish = (err: ClientError | null, reply?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.close();
      tap(step({ ...base(), kind: 'close' }));
      if (err) reject(err);
      else resolve({ conv, reply: reply ?? '' });
    };
    const timer = setTimeout(
      () =>
        finish(
          new ClientError(
            `No UDP reply from ${target.address}:${target.port} within ${timeoutMs / 1000} s.`,
            conv,
          ),
        ),
      timeoutMs,
    );
    sock.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'EIO';
      tap(step({ ...base(), kind: 'error', code, message: err.message }));
      finish(new ClientError(describeError(code, target), conv));
    });
    sock.on('message', (msg) => {
      tap(step({ ...base(), kind: 'udp-recv', bytes: msg.length, preview: previewOf(msg) }));
      finish(null, msg.toString('utf8'));
    });
    // connect() so that an ICMP port unreachable surfaces as ECONNREFUSED.
    sock.connect(target.port, target.address, () => {
      const a = sock.address();
      local = endpointOf(a.address, a.port) ?? local;
      conv = conversationId('udp', local, target);
      // Stamped before the call: the echo may answer before send()'s callback runs.
      tap(
        step({ ...base(), kind: 'udp-send', bytes: message.length, preview: previewOf(message) }),
      );
      sock.send(message);
    });
  });
}
