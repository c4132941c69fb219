/** The live slice in real Chromium: send from the page, see both sides' steps in ladder and table. */
import net from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { ECHO_PORT } from './ports.ts';

async function sendFromPage(page: Page, transport: 'tcp' | 'udp', message: string) {
  await page.getByTestId('send-protocol').selectOption(transport);
  await page.getByTestId('send-message').fill(message);
  await page.getByTestId('send-button').click();
}

const ladder = (page: Page) => page.getByTestId('ladder');
const rows = (page: Page) => page.getByTestId('step-row');

test('TCP: accept, read, write and close of both sides, with the texts, in ladder and table', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('send-message')).toHaveValue('hello, I am A');
  await sendFromPage(page, 'tcp', 'hello, I am A');
  await expect(page.getByTestId('send-reply')).toContainText(
    'Hello A, I am B. you msg is : hello, I am A',
  );

  for (const kind of ['connect', 'accept', 'read', 'write', 'close']) {
    await expect(ladder(page).locator(`[data-step="${kind}"]`).first()).toBeVisible();
  }
  await expect(ladder(page).locator('[data-step="close"]')).toHaveCount(2);
  await expect(ladder(page).locator('[data-step="read"]')).toHaveCount(2);
  await expect(ladder(page).locator('[data-step="write"]')).toHaveCount(2);
  await expect(ladder(page)).toContainText('hello, I am A');
  await expect(ladder(page)).toContainText('Hello A, I am B.');

  await expect(rows(page).filter({ hasText: 'accept' })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: 'hello, I am A' }).first()).toBeVisible();
  expect(await rows(page).count()).toBeGreaterThanOrEqual(12);

  // Selecting a row highlights it; selecting a mark in the ladder selects its row.
  const acceptRow = rows(page).filter({ hasText: 'accept' });
  await acceptRow.click();
  await expect(acceptRow).toHaveAttribute('aria-selected', 'true');
  await ladder(page).locator('[data-step="connect"]').first().click();
  await expect(rows(page).filter({ hasText: 'connect' })).toHaveAttribute('aria-selected', 'true');
  await expect(acceptRow).toHaveAttribute('aria-selected', 'false');

  // Projector readability: body text at least 16 px.
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(size).toBeGreaterThanOrEqual(16);
  await page.screenshot({ path: 'docs/screenshot.png' });
});

test('UDP: send and receive of both sides, with the texts', async ({ page }) => {
  await page.goto('/');
  await sendFromPage(page, 'udp', 'udp hello');
  await expect(page.getByTestId('send-reply')).toContainText('I am Server. your msg : udp hello');
  await expect(ladder(page).locator('[data-step="udp-send"]')).toHaveCount(2);
  await expect(ladder(page).locator('[data-step="udp-recv"]')).toHaveCount(2);
  await expect(ladder(page)).toContainText('udp hello');
  await expect(rows(page).filter({ hasText: 'udp hello' }).first()).toBeVisible();
});

test('a second page sees the first page’s exchange live', async ({ page, browser }) => {
  const other = await browser.newPage();
  await other.goto('/');
  await page.goto('/');
  await expect(other.getByTestId('send-button')).toBeEnabled();
  await sendFromPage(page, 'tcp', 'for the other page');
  await expect(ladder(other)).toContainText('for the other page');
  await expect(ladder(other).locator('[data-step="close"]')).toHaveCount(2);
  await other.close();
});

test('an exchange from a plain outside TCP client appears', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('send-button')).toBeEnabled();
  const reply = await new Promise<string>((resolve, reject) => {
    const s = net.connect(ECHO_PORT, '127.0.0.1', () => s.end('outside client says hi'));
    let got = '';
    s.on('data', (d) => (got += d));
    s.on('close', () => resolve(got));
    s.on('error', reject);
  });
  expect(reply).toContain('outside client says hi');
  await expect(ladder(page)).toContainText('outside client says hi');
  await expect(ladder(page).locator('[data-step="accept"]')).toHaveCount(1);
  await expect(ladder(page).locator('[data-step="close"]')).toHaveCount(1);
});

test('errors are shown as clear text on the page', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('send-message').fill('');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-error')).toHaveText(/Type a message first/);
  await page.getByTestId('send-message').fill('x'.repeat(1100));
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-error')).toContainText('1024');
});

test('sends past the per-page rate are refused in one line on the send form', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await page.getByTestId('send-protocol').selectOption('udp');
  // At most 2 sends a second, bursts of 4: eight submissions at once pass that.
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('form.send')!;
    for (let i = 0; i < 8; i++) form.requestSubmit();
  });
  await expect(page.getByTestId('send-error')).toHaveText('Too many sends: wait a second.');
});
