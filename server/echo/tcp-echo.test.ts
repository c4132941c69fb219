/** The classic TCP echo on real loopback sockets: one read of at most 1024 bytes, server closes first. */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SocketStep } from '../../core/protocol.ts';
import { startTcpEcho, type TcpEcho } from './tcp-echo.ts';

let echo: TcpEcho | undefined;
afterEach(() => echo?.close());

function exchange(
  port: number,
  send: (s: net.Socket) => void,
): Promise<{ reply: string; endedFirst: boolean }> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    let reply = '';
    let weEnded = false;
    let endedFirst = false;
    s.on('connect', () => send(s));
    s.on('data', (d) => (reply += d));
    s.on('end', () => {
      endedFirst = !weEnded;
      s.end();
    });
    const origEnd = s.end.bind(s);
    s.end = ((...a: Parameters<typeof origEnd>) => {
      weEnded = true;
      return origEnd(...a);
    }) as typeof s.end;
    s.on('close', () => resolve({ reply, endedFirst }));
    s.on('error', reject);
  });
}

describe('TCP echo', () => {
  it('answers the first read and closes first', async () => {
    const steps: SocketStep[] = [];
    echo = await startTcpEcho('127.0.0.1', 0, (s) => steps.push(s));
    const { reply, endedFirst } = await exchange(echo.address.port, (s) =>
      s.write('hello, I am A'),
    );
    expect(reply).toBe('Hello A, I am B. you msg is : hello, I am A\n');
    expect(endedFirst).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(steps.map((s) => s.kind)).toEqual([
      'listen',
      'accept',
      'read',
      'write',
      'end',
      'peer-end',
      'close',
    ]);
  });

  it('echoes at most 1024 bytes of a longer message', async () => {
    echo = await startTcpEcho('127.0.0.1', 0, () => undefined);
    const { reply } = await exchange(echo.address.port, (s) => s.write('x'.repeat(1500)));
    expect(reply).toBe(`Hello A, I am B. you msg is : ${'x'.repeat(1024)}\n`);
  });

  it('closes back when the client closes without a word', async () => {
    echo = await startTcpEcho('127.0.0.1', 0, () => undefined);
    const { reply } = await exchange(echo.address.port, (s) => s.end());
    expect(reply).toBe('');
  });

  it('refuses a port already in use', async () => {
    echo = await startTcpEcho('127.0.0.1', 0, () => undefined);
    await expect(
      startTcpEcho('127.0.0.1', echo.address.port, () => undefined),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
