/** Loopback UDP exchanges: one datagram to the echo endpoint, and one to a closed port (ICMP). */
import dgram from 'node:dgram';
import { once } from 'node:events';
import { echoLab, sleep, within, type Exchange } from './tcp-exchanges.ts';

export async function udpEchoExchange(): Promise<Exchange> {
  const lab = await echoLab();
  return {
    filter: `udp port ${lab.echo.port}`,
    run: async () => {
      const r = await lab.send({ transport: 'udp', message: 'hello udp' });
      if (!r.ok) throw new Error(r.error);
    },
    close: () => lab.close(),
  };
}

/** A connect()ed socket to a closed port: the datagram, then ICMP port unreachable. */
export async function udpClosedPortExchange(): Promise<Exchange> {
  const probe = dgram.createSocket('udp4');
  probe.bind(0, '127.0.0.1');
  await within(once(probe, 'listening'), 2000, 'bind');
  const port = probe.address().port;
  await new Promise<void>((r) => probe.close(() => r()));
  return {
    filter: `udp port ${port} or icmp`,
    run: async () => {
      const s = dgram.createSocket('udp4');
      try {
        s.on('error', () => undefined);
        s.connect(port, '127.0.0.1');
        await within(once(s, 'connect'), 2000, 'connect');
        s.send('anyone there?');
        await sleep(100);
      } finally {
        s.close();
      }
    },
    close: async () => undefined,
  };
}
