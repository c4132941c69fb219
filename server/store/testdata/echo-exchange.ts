/** One TCP exchange with an echo endpoint on loopback: connect, send, read to the end, closed. */
import net from 'node:net';

export function echoExchange(port: number, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.end(message));
    s.resume();
    s.on('close', () => resolve());
    s.on('error', reject);
  });
}
