/**
 * The class on a server with roles (--token): viewers on a laptop and a phone follow the presenter,
 * a detached viewer stays put, a student's own client never moves the presenter's view, the quiz
 * counts one answer per viewer, and the join QR code decodes to the viewer URL.
 */
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { ROLES_URL } from './ports.ts';
import { outsideClient, presenterPage, selectedRow, send, viewerPage } from './class-pages.ts';

// Three browser contexts at once (presenter and two viewers) take longer than one page.
test.describe.configure({ timeout: 90_000 });

test('viewers follow the presenter; a detached viewer stays until it follows again', async ({
  browser,
}) => {
  const presenter = await presenterPage(browser);
  const laptop = await viewerPage(browser);
  const phone = await viewerPage(browser, true);
  await send(presenter, 'follow me');

  // Rows are found by kind: packets captured after the reply still slide in between them.
  const pick = async (kind: string) => {
    const row = presenter.locator(`[data-testid="step-row"][data-kind="${kind}"]`);
    await row.click();
    return (await row.getAttribute('data-record'))!;
  };
  const first = await pick('connect');
  for (const viewer of [laptop, phone]) {
    await expect(selectedRow(viewer)).toHaveAttribute('data-record', first);
  }

  // The laptop explores on its own: it detaches and no longer moves with the presenter.
  await laptop.locator('[data-testid="step-row"][data-kind="end"]').first().click();
  await expect(laptop.getByTestId('follow-toggle')).toHaveAttribute('aria-pressed', 'false');
  const own = (await selectedRow(laptop).getAttribute('data-record'))!;
  const second = await pick('accept');
  await expect(selectedRow(phone)).toHaveAttribute('data-record', second);
  await expect(selectedRow(laptop)).toHaveAttribute('data-record', own);

  // One click follows again, and the presenter's step is selected at once.
  await laptop.getByTestId('follow-toggle').click();
  await expect(laptop.getByTestId('follow-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(selectedRow(laptop)).toHaveAttribute('data-record', second);
  await presenter.context().close();
  await laptop.context().close();
  await phone.context().close();
});

test("a student's own client does not move the presenter's view", async ({ browser }) => {
  const presenter = await presenterPage(browser);
  await send(presenter, 'my own exchange');
  const row = presenter.locator('[data-testid="step-row"][data-kind="accept"]');
  await row.click();
  const picked = (await row.getAttribute('data-record'))!;
  const current = presenter.locator('[data-testid="conversation"][aria-current="true"]');
  const shown = await current.getAttribute('data-conv');

  await outsideClient('127.0.0.2', 'student A was here');
  await outsideClient('127.0.0.3', 'student B was here');
  // The students' conversations arrived (listed), yet the view and the selection stayed.
  await expect(presenter.getByTestId('conversation').filter({ hasText: '127.0.0.3' })).toHaveCount(
    1,
  );
  await expect(selectedRow(presenter)).toHaveAttribute('data-record', picked);
  await expect(current).toHaveAttribute('data-conv', shown!);
  await presenter.context().close();
});

test('the quiz counts one answer per viewer, then reveals the packet that came next', async ({
  browser,
}) => {
  const presenter = await presenterPage(browser);
  const a = await viewerPage(browser);
  const b = await viewerPage(browser, true);
  await send(presenter, 'quiz time');
  // The first packet is the client's SYN; the SYN,ACK comes next.
  await presenter.locator('[data-testid="step-row"].packet').first().click();
  await presenter.getByTestId('quiz-ask').click();

  for (const v of [a, b]) await expect(v.getByTestId('quiz-choice')).toHaveCount(4);
  await a.locator('[data-testid="quiz-choice"][data-answer="server:SYN,ACK"]').click();
  await b
    .locator('[data-testid="quiz-choice"]:not([data-answer="server:SYN,ACK"])')
    .first()
    .click();
  await expect(presenter.getByTestId('quiz-tally')).toHaveAttribute('data-answered', '2');

  // Viewer A reloads and tries again: the first answer stands, the count does not grow.
  await a.reload();
  await expect(a.getByTestId('quiz-choice')).toHaveCount(4);
  await a
    .locator('[data-testid="quiz-choice"]:not([data-answer="server:SYN,ACK"])')
    .first()
    .click();
  await expect(
    a.locator('[data-testid="quiz-choice"][data-answer="server:SYN,ACK"]'),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(presenter.getByTestId('quiz-tally')).toHaveAttribute('data-answered', '2');

  await presenter.getByTestId('quiz-reveal').click();
  for (const v of [a, b, presenter]) {
    await expect(v.getByTestId('quiz')).toHaveAttribute('data-state', 'revealed');
    await expect(v.locator('[data-testid="quiz-option"].right')).toContainText('SYN,ACK');
  }
  await presenter.getByTestId('quiz-close').click();
  await expect(a.getByTestId('quiz')).toHaveCount(0);
  for (const p of [presenter, a, b]) await p.context().close();
});

test('the join panel shows the viewer URL, and its QR code decodes to it', async ({ browser }) => {
  const presenter = await presenterPage(browser);
  await presenter.getByTestId('join-toggle').click();
  const url = (await presenter.getByTestId('viewer-url').innerText()).trim();
  expect(url).toBe(ROLES_URL);
  const shot = PNG.sync.read(await presenter.getByTestId('viewer-qr').screenshot());
  const decoded = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  expect(decoded?.data).toBe(url);
  await presenter.context().close();
});
