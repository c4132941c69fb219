/**
 * A student's client that connects again from the address and port of its closed connection:
 * the page lists a new conversation, the newest, and follows it (without and with capture).
 */
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { CAPTURE_ECHO_PORT, CAPTURE_URL, ECHO_PORT } from './ports.ts';

/** A free port on 127.0.0.1 for the client to bind. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * One message from 127.0.0.1:localPort; the client resets once the reply comes (no TIME_WAIT).
 * The echo ends after its reply, so the server's FIN may reach the reset socket and get a second RST.
 */
function exchange(echoPort: number, localPort: number, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({
      host: '127.0.0.1',
      port: echoPort,
      localAddress: '127.0.0.1',
      localPort,
    });
    s.setTimeout(15_000, () => s.destroy(new Error(`no reply to "${message}"`)));
    s.on('connect', () => s.write(message));
    s.on('data', () => s.resetAndDestroy());
    s.on('close', () => resolve());
    s.on('error', reject);
  });
}

const servers = [
  { name: 'socket steps only', url: '/', echoPort: ECHO_PORT, capture: false },
  { name: 'with capture', url: CAPTURE_URL, echoPort: CAPTURE_ECHO_PORT, capture: true },
];

for (const { name, url, echoPort, capture } of servers) {
  test(`a reused client address and port is a new conversation, the newest (${name})`, async ({
    page,
  }) => {
    await page.goto(url);
    await expect(page.getByTestId('send-button')).toBeEnabled();
    await expect(page.getByTestId('follow-newest')).toBeChecked();
    const localPort = await freePort();
    const first = `tcp 127.0.0.1:${localPort} > 127.0.0.1:${echoPort}`;
    const second = `${first} #2`;
    const ladder = page.getByTestId('ladder');
    const strip = page.getByTestId('conversation-strip');

    await exchange(echoPort, localPort, 'first from a reused port');
    await expect(ladder).toContainText('first from a reused port');
    await expect(strip.getByTestId('conversation').first()).toHaveAttribute('data-conv', first);

    await exchange(echoPort, localPort, 'second from a reused port');
    // The newest chip is the new connection, the page follows it, and the ladder shows it alone.
    const newest = strip.getByTestId('conversation').first();
    await expect(newest).toHaveAttribute('data-conv', second);
    await expect(newest).toHaveAttribute('aria-current', 'true');
    // Its chip tells it from the first one between the same ends.
    await expect(newest.getByTestId('conv-again')).toHaveText('#2');
    await expect(ladder).toContainText('second from a reused port');
    await expect(ladder).not.toContainText('first from a reused port');
    await expect(ladder.locator('[data-step="accept"]')).toHaveCount(1);
    if (capture) {
      // Its own handshake, numbered from its own ISN.
      await expect(ladder.locator('[data-step="SYN"]')).toHaveCount(1);
      await expect(ladder.locator('[data-step="SYN"]')).toHaveAttribute('data-seq', '0');
      // Its reset: one RST, or two when the server's FIN came after the client had reset (the
      // echo writes, then ends; a FIN to a closed socket is answered with a second RST).
      // Either way every RST is the client's, at the Seq after its own message.
      const resets = ladder.locator('[data-step^="RST"]');
      await expect(resets.first()).toBeAttached();
      const seqs = await resets.evaluateAll((els) => els.map((e) => e.getAttribute('data-seq')));
      const after = String(1 + Buffer.byteLength('second from a reused port'));
      expect(seqs.length).toBeLessThanOrEqual(2);
      expect(seqs).toEqual(seqs.map(() => after));
    }
    // The earlier connection is still there, one chip further, with its own exchange.
    await expect(strip.locator(`[data-conv="${first}"]`)).toHaveCount(1);
    await expect(strip.locator(`[data-conv="${first}"] [data-testid="conv-again"]`)).toHaveCount(0);
    await strip.locator(`[data-conv="${first}"]`).click();
    await expect(ladder).toContainText('first from a reused port');
    await expect(ladder).not.toContainText('second from a reused port');
  });
}
