/**
 * Loopback TCP exchanges captured for the reference comparison. Each sets up its endpoints, names
 * the capture filter that isolates it, runs bounded in time, and closes what it opened.
 */
import { once } from 'node:events';
import net from 'node:net';
import { startLab, type Lab } from '../lab.ts';
import { startTcpEcho } from '../echo/tcp-echo.ts';

export interface Exchange {
  filter: string;
  run(): Promise<void>;
  close(): Promise<void>;
}

/** Rejects when `p` takes longer than `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A TCP server on `host` and an ephemeral port; `onSocket` decides what it does. */
export async function tcpServer(
  host: string,
  onSocket: (s: net.Socket) => void,
): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    onSocket(s);
  });
  server.listen(0, host);
  await within(once(server, 'listening'), 2000, 'listen');
  const port = (server.address() as net.AddressInfo).port;
  const close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return { port, close };
}

/** Connects, runs `use` on the connected socket, and waits for it to close. */
export async function client(
  host: string,
  port: number,
  use: (s: net.Socket) => void,
  ms = 5000,
  opts: net.TcpSocketConnectOpts = { host, port },
): Promise<void> {
  const s = net.connect({ ...opts, host, port, allowHalfOpen: true });
  s.on('error', () => undefined);
  const closed = once(s, 'close');
  await within(once(s, 'connect'), 2000, 'connect');
  use(s);
  await within(closed, ms, 'connection');
}

/** The project's echo endpoints on a free loopback port, without capture (the test captures). */
export function echoLab(): Promise<Lab> {
  return startLab({
    echoHost: '127.0.0.1',
    echoPort: 0,
    capture: false,
    captureTool: 'auto',
    maxRecords: 10000,
  });
}

/** The echo endpoint's classic exchange through the lab: the server closes first. */
export async function classicExchange(): Promise<Exchange> {
  const lab = await echoLab();
  return {
    filter: `tcp port ${lab.echo.port}`,
    run: async () => {
      const r = await lab.send({ transport: 'tcp', message: 'hello' });
      if (!r.ok) throw new Error(r.error);
    },
    close: () => lab.close(),
  };
}

/** The client half-closes first; the server answers, then closes its side. */
export async function halfCloseExchange(): Promise<Exchange> {
  const server = await tcpServer('127.0.0.1', (s) => {
    const got: Buffer[] = [];
    s.on('data', (b: Buffer) => got.push(b));
    s.on('end', () => s.end(Buffer.concat([Buffer.from('got: '), ...got])));
  });
  return {
    filter: `tcp port ${server.port}`,
    run: () =>
      client('127.0.0.1', server.port, (s) => {
        s.write('half-close first');
        s.end();
        s.resume();
      }),
    close: server.close,
  };
}

/** A connection to a port nobody listens on: SYN, then RST,ACK. */
export async function refusedExchange(): Promise<Exchange> {
  const probe = await tcpServer('127.0.0.1', () => undefined);
  await probe.close();
  const port = probe.port;
  return {
    filter: `tcp port ${port}`,
    run: async () => {
      const s = net.connect({ host: '127.0.0.1', port });
      const [err] = (await within(
        once(s, 'error').catch((e: Error) => [e]),
        2000,
        'refusal',
      )) as [NodeJS.ErrnoException];
      if (err.code !== 'ECONNREFUSED') throw err;
    },
    close: async () => undefined,
  };
}

/** The client writes, waits for the echo, then aborts with RST. */
export async function resetExchange(): Promise<Exchange> {
  const server = await tcpServer('127.0.0.1', (s) => s.on('data', (b: Buffer) => s.write(b)));
  return {
    filter: `tcp port ${server.port}`,
    run: () =>
      client('127.0.0.1', server.port, (s) => {
        s.write('then reset');
        s.once('data', () => s.resetAndDestroy());
      }),
    close: server.close,
  };
}

/** 1 MiB from client to a server that reads everything; the client closes first. */
export async function bulkExchange(bytes = 1024 * 1024): Promise<Exchange> {
  const server = await tcpServer('127.0.0.1', (s) => {
    s.resume();
    s.on('end', () => s.end());
  });
  return {
    filter: `tcp port ${server.port}`,
    run: () =>
      client('127.0.0.1', server.port, (s) => {
        s.end(Buffer.alloc(bytes, 0x61));
        s.resume();
      }),
    close: server.close,
  };
}

/** The classic exchange over ::1, against the echo endpoint itself. */
export async function ipv6Exchange(): Promise<Exchange> {
  const echo = await startTcpEcho('::1', 0, () => undefined);
  return {
    filter: `tcp port ${echo.address.port}`,
    run: () =>
      client('::1', echo.address.port, (s) => {
        s.write('hello over IPv6');
        s.resume();
        s.on('end', () => s.end());
      }),
    close: () => echo.close(),
  };
}
