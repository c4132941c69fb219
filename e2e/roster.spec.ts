/**
 * The class beyond the selection, on the server with roles: the presenter's replay position on
 * every following page, and the roster of the students' own clients, one row per address.
 */
import { expect, test, type Page } from '@playwright/test';
import { presenterPage, selectedRow, send, viewerPage } from './class-pages.ts';

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
  await expect(position(viewer)).toHaveText(/^4\//, { timeout: 5000 });
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
