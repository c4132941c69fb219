/**
 * A scenario's TCP client connection with every call tapped (connect, write, read, end, reset,
 * peer-end, error, close). Unlike the built-in client it leaves each move to the scenario.
 */
import net from 'node:net';
import { conversationId } from '../../core/conversation-id.ts';
import type { Endpoint } from '../../core/protocol.ts';
import { endpointOf, nowMicros, previewOf, step, type Tap } from '../echo/tap.ts';

export interface ClientOptions {
  noDelay?: boolean;
  /** Keep-alive idle time and probe interval in ms (Node 20 sets both). */
  keepAliveMs?: number;
  /** Bind this local port first, so the conversation is known even when connect fails. */
  localPort?: number;
  /** Answer the peer's FIN with ours at once (default true). */
  endOnPeerEnd?: boolean;
}

export class TappedTcpClient {
  conv: string;
  received = 0;
  readonly closed: Promise<void>;
  private local: Endpoint;
  private waiters: { bytes: number; resolve: () => void }[] = [];

  private constructor(
    readonly socket: net.Socket,
    private target: Endpoint,
    private tap: Tap,
  ) {
    this.local = { address: '?', port: 0 };
    this.conv = conversationId('tcp', this.local, target);
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** Connects; resolves once connected, rejects with the tapped error (ECONNREFUSED…). */
  static connect(
    target: Endpoint,
    tap: Tap,
    track: (s: net.Socket) => void,
    opts: ClientOptions = {},
  ): Promise<TappedTcpClient> {
    const started = nowMicros();
    const socket = net.connect({
      host: target.address,
      port: target.port,
      allowHalfOpen: true,
      noDelay: opts.noDelay ?? false,
      ...(opts.localPort ? { localPort: opts.localPort, localAddress: target.address } : {}),
    });
    track(socket);
    const c = new TappedTcpClient(socket, target, tap);
    if (opts.localPort) c.setLocal({ address: target.address, port: opts.localPort });
    c.listen(opts.endOnPeerEnd ?? true);
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        c.setLocal(endpointOf(socket.localAddress, socket.localPort) ?? c.local);
        if (opts.keepAliveMs) socket.setKeepAlive(true, opts.keepAliveMs);
        c.emit('connect', { durationUs: nowMicros() - started });
        resolve(c);
      });
    });
  }

  // A socket closed under the runner (a run past its deadline) makes no more calls: no step.
  write(bytes: Uint8Array): boolean {
    if (this.socket.destroyed) return false;
    this.emit('write', { bytes: bytes.length, preview: previewOf(bytes) });
    return this.socket.write(bytes);
  }

  /** Half-close: our FIN. */
  end(): void {
    if (this.socket.destroyed) return;
    this.emit('end');
    this.socket.end();
  }

  /** Abort: RST instead of FIN. */
  reset(): void {
    if (this.socket.destroyed) return;
    this.emit('reset');
    this.socket.resetAndDestroy();
  }

  /** Resolves once `total` bytes have been read in all (or at close). */
  readUntil(total: number): Promise<void> {
    if (this.received >= total || this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ bytes: total, resolve }));
  }

  private setLocal(local: Endpoint): void {
    this.local = local;
    this.conv = conversationId('tcp', local, this.target);
  }

  private emit(
    kind: 'connect' | 'write' | 'read' | 'end' | 'reset' | 'peer-end' | 'close' | 'error',
    more = {},
  ): void {
    const base = {
      side: 'client',
      transport: 'tcp',
      local: this.local,
      remote: this.target,
    } as const;
    this.tap(step({ ...base, conv: this.conv, kind, ...more }));
  }

  private listen(endOnPeerEnd: boolean): void {
    const s = this.socket;
    s.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      this.emit('read', { bytes: chunk.length, preview: previewOf(chunk) });
      this.wake();
    });
    s.on('end', () => {
      this.emit('peer-end');
      if (endOnPeerEnd && !s.writableEnded) this.end();
    });
    s.on('error', (err: NodeJS.ErrnoException) => {
      this.emit('error', { code: err.code ?? 'EIO', message: err.message });
    });
    s.on('close', () => {
      this.emit('close');
      this.wake(true);
    });
  }

  private wake(all = false): void {
    const ready = this.waiters.filter((w) => all || this.received >= w.bytes);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }
}
