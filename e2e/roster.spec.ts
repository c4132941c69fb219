/**
 * The class beyond the selection, on the server with roles: the presenter's replay position on
 * every following page, and the roster of the students' own clients, one row per address.
 */
import { expect, test, type Page } from '@playwright/test';
import { outsideClient, presenterPage, selectedRow, send, viewerPage } from './class-pages.ts';

test.describe.configure({ timeout: 90_000 });

const position = (page: Page) => page.getByTestId('replay-position');

test('a following viewer steps and plays with the presenter; detached, it stays', async ({
  browser,
}) => {
  const presenter = await presenterPage(browser);
  const viewer = await viewerPage(browser);
  await send(presenter, 'replay with me');

  // Stepping: the viewer's replay stands on the presenter's step.
  for (let i = 0; i < 3; i++) await presenter.getByTestId('step-next').click();
  await expect(position(presenter)).toHaveText(/^3\//);
  await expect(position(viewer)).toHaveText(await position(presenter).innerText());
  const third = (await selectedRow(presenter).getAttribute('data-record'))!;
  await expect(selectedRow(viewer)).toHaveAttribute('data-record', third);

  // Reveal and playing travel too; the viewer plays as the presenter's steps arrive.
  await presenter.getByTestId('reveal').click();
  await presenter.getByTestId('replay-speed').selectOption('0.5');
  await expect(viewer.getByTestId('reveal')).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.getByTestId('replay-speed')).toHaveValue('0.5');
  await presenter.getByTestId('play').click();
  await expect(viewer.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  // Past step 3 (a busy machine may play on before the check looks).
  await expect(position(viewer)).toHaveText(/^(?:[4-9]|[1-9]\d+)\//, { timeout: 20_000 });
  await presenter.getByTestId('play').click();
  await expect(viewer.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect(position(viewer)).toHaveText(await position(presenter).innerText());
  const paused = (await selectedRow(presenter).getAttribute('data-record'))!;
  await expect(selectedRow(viewer)).toHaveAttribute('data-record', paused);

  // The viewer steps on its own: it detaches, and the presenter's steps no longer move it.
  await viewer.getByTestId('step-prev').click();
  await expect(viewer.getByTestId('follow-toggle')).toHaveAttribute('aria-pressed', 'false');
  const own = await position(viewer).innerText();
  await presenter.getByTestId('replay-restart').click();
  await presenter.getByTestId('play').click(); // pause right away, on the first step
  await expect(position(presenter)).toHaveText(/^1\//);
  await expect(position(viewer)).toHaveText(own);
  await expect(viewer.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');

  // One click follows again: the presenter's position at once.
  await viewer.getByTestId('follow-toggle').click();
  await expect(position(viewer)).toHaveText(await position(presenter).innerText());
  await expect(viewer.getByTestId('follow-toggle')).toHaveAttribute('aria-pressed', 'true');
  for (const p of [presenter, viewer]) await p.context().close();
});

test("the roster groups the students' clients by address; the presenter puts one on every screen", async ({
  browser,
}) => {
  const presenter = await presenterPage(browser);
  const viewer = await viewerPage(browser);
  await presenter.getByTestId('roster-toggle').click();
  const roster = presenter.getByTestId('roster');
  const rows = roster.getByTestId('roster-row');
  // Earlier specs' students may be listed: start this lesson from an empty roster.
  if (await presenter.getByTestId('roster-clear').isEnabled())
    await presenter.getByTestId('roster-clear').click();
  await expect(rows).toHaveCount(0);

  await outsideClient('127.0.0.2', 'student A, first try');
  await outsideClient('127.0.0.2', 'student A, second try');
  await outsideClient('127.0.0.3', 'student B');
  const a = roster.locator('[data-testid="roster-row"][data-addr="127.0.0.2"]');
  const b = roster.locator('[data-testid="roster-row"][data-addr="127.0.0.3"]');
  await expect(rows).toHaveCount(2);
  await expect(a).toHaveAttribute('data-conversations', '2');
  await expect(b).toHaveAttribute('data-conversations', '1');
  for (const row of [a, b]) {
    await expect(row).toHaveAttribute('data-origin', 'outside');
    await expect(row).toHaveAttribute('data-new', 'true');
    // Who closed first is a race between the client's end(message) and the echo's own close.
    await expect(row).toContainText(/client closed|server closed/);
  }

  // The presenter picks student B's conversation: it is on the presenter's and the viewer's ladder.
  await b.click();
  await expect(presenter.getByTestId('roster-conv')).toHaveCount(1);
  await presenter.getByTestId('roster-show').click();
  for (const page of [presenter, viewer]) {
    await expect(page.locator('[data-testid="lane"][data-role="client"]')).toHaveAttribute(
      'data-endpoint',
      /^127\.0\.0\.3:\d+$/,
    );
  }
  await expect(viewer.getByTestId('follow-toggle')).toHaveAttribute('aria-pressed', 'true');

  // Filter and sort: by address text, then most conversations first.
  await presenter.getByTestId('roster-filter').fill('0.0.3');
  await expect(rows).toHaveCount(1);
  await presenter.getByTestId('roster-filter').fill('');
  await presenter.locator('[data-sort="conversations"]').click();
  await expect(rows.first()).toHaveAttribute('data-addr', '127.0.0.2');

  // Closing the panel marks the machines seen; archiving empties the roster and keeps it aside.
  await presenter.getByTestId('roster-toggle').click();
  await presenter.getByTestId('roster-toggle').click();
  await expect(a).toHaveAttribute('data-new', 'false');
  await presenter.getByTestId('roster-archive').click();
  await expect(rows).toHaveCount(0);
  const archives = presenter.getByTestId('roster-archives');
  await expect(archives.locator('option')).toHaveCount(2);
  await archives.selectOption({ index: 1 });
  await expect(rows).toHaveCount(2);
  await expect(presenter.getByTestId('roster-clear')).toBeDisabled();
  for (const p of [presenter, viewer]) await p.context().close();
});
