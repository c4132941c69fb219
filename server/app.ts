/**
 * Composition root: HTTP + socket.io hub, the live session, both echo endpoints and the built-in
 * clients. `startApp` is what `npm start` runs and what integration tests start on free ports.
 */
import http from 'node:http';
import type net from 'node:net';
import { Server } from 'socket.io';
import { formatEndpoint } from '../core/conversation-id.ts';
import type { CaptureStatus, Endpoint, SendRequest, SendResult } from '../core/protocol.ts';
import { ClientError, tcpExchange } from './clients/tcp-client.ts';
import { udpExchange } from './clients/udp-client.ts';
import type { Tap } from './echo/tap.ts';
import { nowMicros } from './echo/tap.ts';
import { startTcpEcho, type TcpEcho } from './echo/tcp-echo.ts';
import { startUdpEcho, type UdpEcho } from './echo/udp-echo.ts';
import { listenOn } from './echo/listen-on.ts';
import { Hub, type HubServer } from './hub/hub.ts';
import { Session } from './hub/session.ts';
import { staticHandler } from './http/static-files.ts';
import type { ServeOptions } from './cli/serve-args.ts';

export interface App {
  url: string;
  echo: Endpoint;
  live: Session;
  close(): Promise<void>;
}

/** Which flag a failed listen belongs to, for a one-line message. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly flag: string,
  ) {
    super(`Port ${port} is already in use; choose another with ${flag} <port>.`);
  }
}

export async function startApp(opts: ServeOptions): Promise<App> {
  const live = new Session('live', 'live', 'Live: echo endpoints', nowMicros(), opts.maxRecords);
  const tap: Tap = (s) => live.append(s);
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    const tcp: TcpEcho = await inUse(
      startTcpEcho(opts.echoHost, opts.echoPort, tap),
      opts.echoPort,
      '--echo-port',
    );
    closers.push(() => tcp.close());
    const udp: UdpEcho = await inUse(
      startUdpEcho(opts.echoHost, tcp.address.port, tap),
      tcp.address.port,
      '--echo-port',
    );
    closers.push(() => udp.close());
    const echo = tcp.address;

    const capture: CaptureStatus = { state: 'off' };
    const httpServer = http.createServer(staticHandler());
    const io: HubServer = new Server(httpServer, {
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      connectionStateRecovery: undefined,
    });
    const send = (req: SendRequest): Promise<SendResult> => {
      const bytes = Buffer.from(req.message, 'utf8');
      const run =
        req.transport === 'tcp' ? tcpExchange(echo, bytes, tap) : udpExchange(echo, bytes, tap);
      return run.then(
        (r) => ({ ok: true, conv: r.conv, reply: r.reply }),
        (err: Error) => ({
          ok: false,
          error: err.message,
          conv: err instanceof ClientError ? err.conv : undefined,
        }),
      );
    };
    const hub = new Hub(io, {
      echo: { host: echo.address, port: echo.port },
      capture: () => capture,
      send,
      maxRecords: opts.maxRecords,
    });
    hub.addSession(live);

    await inUse(listenOn(httpServer, opts.host, opts.port), opts.port, '--port');
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          void io.close(() => resolve());
          httpServer.closeAllConnections();
        }),
    );
    const bound = httpServer.address() as net.AddressInfo;
    const url = `http://${formatEndpoint({ address: bound.address, port: bound.port })}/`;
    return { url, echo, live, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

async function inUse<T>(p: Promise<T>, port: number, flag: string): Promise<T> {
  try {
    return await p;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new PortInUseError(port, flag);
    if (code === 'EADDRNOTAVAIL')
      throw new PortInUseError(port, flag === '--port' ? '--host' : '--echo-host');
    throw err;
  }
}
