/** Pages and clients of the class e2e specs: the presenter, viewers (laptop or phone), students. */
import net from 'node:net';
import { expect, type Browser, type Page } from '@playwright/test';
import { ROLES_ECHO_PORT, ROLES_TOKEN, ROLES_URL } from './ports.ts';

/** The steps-table row selected (the presenter's current step on every following page). */
export const selectedRow = (page: Page) =>
  page.locator('[data-testid="step-row"][aria-selected="true"]');

export async function presenterPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${ROLES_URL}?token=${ROLES_TOKEN}`);
  await expect(page.getByTestId('join-toggle')).toBeVisible();
  return page;
}

export async function viewerPage(browser: Browser, phone = false): Promise<Page> {
  const context = await browser.newContext(
    phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {},
  );
  const page = await context.newPage();
  await page.goto(ROLES_URL);
  await expect(page.getByTestId('follow-toggle')).toHaveAttribute('aria-pressed', 'true');
  return page;
}

/** The presenter's send form: one TCP exchange of the built-in client. */
export async function send(page: Page, message: string): Promise<void> {
  await page.getByTestId('send-protocol').selectOption('tcp');
  await page.getByTestId('send-message').fill(message);
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText(message, { timeout: 15_000 });
}

/** An outside client from another loopback address, as a student's laptop would be. */
export function outsideClient(localAddress: string, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port: ROLES_ECHO_PORT, localAddress }, () =>
      s.end(message),
    );
    s.on('data', () => undefined);
    s.on('close', () => resolve());
    s.on('error', reject);
    s.setTimeout(5000, () => s.destroy(new Error('outside client timed out')));
  });
}
