/**
 * The TCP echo's limits on real loopback sockets from several 127.0.0.x sources: connections past
 * the caps reset at once with an 'over-limit' step; a silent connection closed with a FIN and an
 * 'idle-close' step after the idle timeout.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SocketStep } from '../../core/protocol.ts';
import type { EchoLimits } from './connection-caps.ts';
import { startTcpEcho, type TcpEcho } from './tcp-echo.ts';

let echo: TcpEcho | undefined;
const open: net.Socket[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.destroy();
  await echo?.close();
  echo = undefined;
});

const LIMITS: EchoLimits = {
  echoConnections: 5,
  echoConnectionsPerAddress: 2,
  echoIdleTimeoutMs: 60_000,
};

/** Connects from `from`; resolves how the connection ended: 'reset' (RST), 'fin' or 'open'. */
function hold(port: number, from: string): Promise<{ socket: net.Socket; ended: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({
      port,
      host: '127.0.0.1',
      localAddress: from,
      allowHalfOpen: true,
    });
    open.push(socket);
    socket.on('data', () => undefined); // reads, so a FIN is seen
    const ended = new Promise<string>((r) => {
      socket.once('error', (err: NodeJS.ErrnoException) =>
        r(err.code === 'ECONNRESET' ? 'reset' : err.code!),
      );
      socket.once('end', () => r('fin'));
    });
    socket.once('connect', () => resolve({ socket, ended }));
    // The RST may come before connect() is reported: that is a reset too.
    socket.once('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' ? resolve({ socket, ended }) : reject(err),
    );
  });
}

const race = (p: Promise<string>, ms: number) =>
  Promise.race([p, new Promise<string>((r) => setTimeout(() => r('open'), ms))]);

describe('TCP echo limits', () => {
  it('resets connections past the per-address cap, with one over-limit step', async () => {
    const steps: SocketStep[] = [];
    echo = await startTcpEcho('127.0.0.1', 0, (s) => steps.push(s), LIMITS);
    const port = echo.address.port;
    const a1 = await hold(port, '127.0.0.2');
    const a2 = await hold(port, '127.0.0.2');
    const a3 = await hold(port, '127.0.0.2');
    const a4 = await hold(port, '127.0.0.2');
    expect(await race(a3.ended, 2000)).toBe('reset');
    expect(await race(a4.ended, 2000)).toBe('reset');
    expect(await race(a1.ended, 200)).toBe('open');
    const over = steps.filter((s) => s.kind === 'over-limit');
    // One step a second per address, whatever the flood.
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({
      side: 'server',
      remote: { address: '127.0.0.2' },
      message: 'Refused with RST: too many connections from 127.0.0.2 (at most 2).',
    });
    // Refused connections are not accepted: no accept step for them.
    expect(steps.filter((s) => s.kind === 'accept')).toHaveLength(2);
    // Another address still gets in; a closed connection frees its place.
    const b = await hold(port, '127.0.0.3');
    expect(await race(b.ended, 200)).toBe('open');
    a2.socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const a5 = await hold(port, '127.0.0.2');
    expect(await race(a5.ended, 200)).toBe('open');
  });

  it('resets connections past the total cap, whatever their address', async () => {
    const steps: SocketStep[] = [];
    echo = await startTcpEcho('127.0.0.1', 0, (s) => steps.push(s), LIMITS);
    const port = echo.address.port;
    const held = [];
    for (let i = 0; i < 5; i++) held.push(await hold(port, `127.0.0.${10 + i}`));
    const extra = await hold(port, '127.0.0.20');
    expect(await race(extra.ended, 2000)).toBe('reset');
    for (const h of held) expect(await race(h.ended, 50)).toBe('open');
    expect(steps.find((s) => s.kind === 'over-limit')?.message).toBe(
      'Refused with RST: too many connections (at most 5).',
    );
  });

  it('closes a silent connection with a FIN after the idle timeout, shown as a step', async () => {
    const steps: SocketStep[] = [];
    echo = await startTcpEcho('127.0.0.1', 0, (s) => steps.push(s), {
      ...LIMITS,
      echoIdleTimeoutMs: 300,
    });
    const started = performance.now();
    const silent = await hold(echo.address.port, '127.0.0.4');
    expect(await race(silent.ended, 3000)).toBe('fin');
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(290);
    const kinds = steps
      .filter((s) => s.side === 'server' && s.kind !== 'listen')
      .map((s) => s.kind);
    expect(kinds).toEqual(['accept', 'idle-close', 'end']);
    expect(steps.find((s) => s.kind === 'idle-close')?.durationUs).toBe(300_000);
    // The client closes its side in turn: the server's close follows.
    silent.socket.end();
    await new Promise((r) => silent.socket.once('close', r));
    await new Promise((r) => setTimeout(r, 50));
    expect(steps.at(-1)?.kind).toBe('close');
  });

  it('resets nothing and closes nothing early for a client that talks', async () => {
    const steps: SocketStep[] = [];
    echo = await startTcpEcho('127.0.0.1', 0, (s) => steps.push(s), LIMITS);
    const c = await hold(echo.address.port, '127.0.0.5');
    c.socket.write('hello, I am A');
    expect(await race(c.ended, 2000)).toBe('fin');
    expect(steps.some((s) => s.kind === 'idle-close' || s.kind === 'over-limit')).toBe(false);
  });
});
