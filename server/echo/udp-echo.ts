/** The UDP echo endpoint: answers every datagram with a greeting naming the sender; never closes. */
import dgram from 'node:dgram';
import net from 'node:net';
import { conversationId } from '../../core/conversation-id.ts';
import type { Endpoint } from '../../core/protocol.ts';
import { endpointOf, previewOf, step, type Tap } from './tap.ts';

export function udpReply(sender: Endpoint, message: string): string {
  return `Hello ${sender.address}:${sender.port}, I am Server. your msg : ${message}\n`;
}

/** Bytes the kernel may hold for the echo (it caps this at net.core.rmem_max). */
const RECV_BUFFER = 4 * 1024 * 1024;

export interface UdpEcho {
  readonly address: Endpoint;
  close(): Promise<void>;
}

export function udpTypeFor(host: string): 'udp4' | 'udp6' {
  return net.isIPv6(host) ? 'udp6' : 'udp4';
}

export async function startUdpEcho(host: string, port: number, tap: Tap): Promise<UdpEcho> {
  const sock = dgram.createSocket({
    type: udpTypeFor(host),
    reuseAddr: false,
    // A class sends thousands of datagrams a second: the kernel's default ~200 KiB holds only a
    // few hundred, so a pause of the event loop (a batch to 200 pages, a collection) dropped them.
    recvBufferSize: RECV_BUFFER,
  });
  await new Promise<void>((resolve, reject) => {
    sock.once('error', reject);
    sock.bind({ address: host, port, exclusive: true }, () => {
      sock.off('error', reject);
      resolve();
    });
  });
  const bound = sock.address();
  const local = endpointOf(bound.address, bound.port)!;
  tap(step({ kind: 'bind', side: 'server', transport: 'udp', local, remote: null, conv: '' }));

  sock.on('message', (msg, rinfo) => {
    const remote = endpointOf(rinfo.address, rinfo.port)!;
    const conv = conversationId('udp', remote, local);
    const base = { side: 'server', transport: 'udp', local, remote, conv } as const;
    tap(step({ ...base, kind: 'udp-recv', bytes: msg.length, preview: previewOf(msg) }));
    const reply = Buffer.from(udpReply(remote, msg.toString('utf8')));
    tap(step({ ...base, kind: 'udp-send', bytes: reply.length, preview: previewOf(reply) }));
    sock.send(reply, rinfo.port, rinfo.address, (err) => {
      if (err) tap(step({ ...base, kind: 'error', code: errCode(err), message: err.message }));
    });
  });
  sock.on('error', (err) => {
    tap(
      step({
        kind: 'error',
        side: 'server',
        transport: 'udp',
        local,
        remote: null,
        conv: '',
        code: errCode(err),
        message: err.message,
      }),
    );
  });
  return {
    address: local,
    close: () => new Promise<void>((resolve) => sock.close(() => resolve())),
  };
}

function errCode(err: Error): string {
  return (err as NodeJS.ErrnoException).code ?? 'EIO';
}
