/**
 * Loopback exchanges that exercise the TCP window: a receiver that stops reading until the window
 * is zero and the sender probes, and an idle connection kept alive by probes.
 */
import type net from 'node:net';
import { client, sleep, tcpServer, type Exchange } from './tcp-exchanges.ts';

/** Bytes the client may queue while waiting for a zero window (loopback buffers are a few MB). */
const MAX_QUEUED = 48 * 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * The server pauses its socket, so its receive window fills; the client keeps writing until the
 * kernel stops taking data, the sender probes for `probeMs`, then the server reads again.
 */
export async function slowReaderExchange(probeMs = 1500): Promise<Exchange> {
  let accepted: net.Socket | undefined;
  const server = await tcpServer('127.0.0.1', (s) => {
    accepted = s;
    s.pause();
    s.on('end', () => s.end());
  });
  return {
    filter: `tcp port ${server.port}`,
    run: () =>
      client(
        '127.0.0.1',
        server.port,
        (s) => {
          void (async () => {
            const chunk = Buffer.alloc(CHUNK, 0x62);
            let queued = 0;
            // write() says false once the kernel's send buffer is full as well.
            while (queued < MAX_QUEUED && s.write(chunk)) queued += CHUNK;
            await sleep(probeMs);
            accepted?.resume();
            s.end();
            s.resume();
          })();
        },
        15_000,
      ),
    close: server.close,
  };
}

/** An idle connection with keep-alive after 1 s (probes every 1 s on Node 20), held `idleMs`. */
export async function keepAliveExchange(idleMs = 2500): Promise<Exchange> {
  const server = await tcpServer('127.0.0.1', (s) => {
    s.resume();
    s.on('end', () => s.end());
  });
  return {
    filter: `tcp port ${server.port}`,
    run: () =>
      client('127.0.0.1', server.port, (s) => {
        s.setKeepAlive(true, 1000);
        s.resume();
        setTimeout(() => s.end(), idleMs);
      }),
    close: server.close,
  };
}
