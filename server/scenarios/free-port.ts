/** A TCP or UDP port that was free a moment ago: bind port 0, read the port, close. */
import dgram from 'node:dgram';
import net from 'node:net';

export function freeTcpPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen({ host, port: 0, exclusive: true }, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export function freeUdpPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    s.once('error', reject);
    s.bind({ address: host, port: 0, exclusive: true }, () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}
