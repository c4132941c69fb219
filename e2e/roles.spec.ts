/** A server started with --token: the presenter acts, viewers watch, forged and foreign requests fail. */
import { expect, test } from '@playwright/test';
import { io as connect } from 'socket.io-client';
import { writePcap } from '../core/pcap/index.ts';
import { handshakeFrames } from '../server/cli/testdata/handshake-frames.ts';
import { ROLES_TOKEN, ROLES_URL } from './ports.ts';

test('the presenter URL sets the cookie, leaves the address bar and can send', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${ROLES_URL}?token=${ROLES_TOKEN}`);
  await expect(page).toHaveURL(ROLES_URL);
  await expect(page.getByTestId('role-badge')).toHaveAttribute('data-role', 'presenter');
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'pl_presenter')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
  });
  await page.getByTestId('send-message').fill('from the presenter');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText('from the presenter');
  await context.close();
});

test('a viewer watches: send, run and share are disabled and say why', async ({ page }) => {
  await page.goto(ROLES_URL);
  await expect(page.getByTestId('role-badge')).toHaveAttribute('data-role', 'viewer');
  await expect(page.getByTestId('send-button')).toBeDisabled();
  await expect(page.getByTestId('send-button')).toHaveAttribute('title', /presenter/);
  await page.getByTestId('scenarios-toggle').click();
  await page.getByTestId('scenario-picker').locator('[data-scenario]').first().click();
  await expect(page.getByTestId('scenario-run')).toBeDisabled();
  await page.getByTestId('open-file').setInputFiles({
    name: 'hs.pcap',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(writePcap(handshakeFrames(), 1)),
  });
  await expect(page.getByTestId('share-file')).toBeDisabled();
  await expect(page.getByTestId('share-file')).toHaveAttribute('title', /presenter/);
});

test('a foreign Origin is refused by socket.io and by the API', async () => {
  const socket = connect(ROLES_URL, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { origin: 'http://evil.example' },
  });
  const refused = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(false));
    socket.once('connect_error', () => resolve(true));
  });
  socket.close();
  expect(refused).toBe(true);
  const res = await fetch(new URL('/api/sessions?name=x.pcap', ROLES_URL), {
    method: 'POST',
    headers: {
      origin: 'http://evil.example',
      cookie: `pl_presenter=${ROLES_TOKEN}`,
      'content-type': 'application/octet-stream',
    },
    body: Buffer.from(writePcap(handshakeFrames(), 1)),
  });
  expect(res.status).toBe(403);
});
