/** The scenario panel against the capture server: run from the page, verdict, ladder, queueing. */
import { expect, test, type Page } from '@playwright/test';
import type { ScenarioId } from '../core/scenario/scenario-id.ts';
import { CAPTURE_URL } from './ports.ts';

const ladder = (page: Page) => page.getByTestId('ladder');

async function openPanel(page: Page) {
  await page.goto(CAPTURE_URL);
  await expect(page.getByTestId('capture-status')).toHaveAttribute('data-state', 'running');
  await page.getByTestId('scenarios-toggle').click();
  await expect(
    page.getByTestId('scenario-picker').locator('[data-scenario]').first(),
  ).toBeVisible();
}

async function run(page: Page, id: ScenarioId) {
  await page.getByTestId('scenario-picker').locator(`[data-scenario="${id}"]`).click();
  await page.getByTestId('scenario-run').click();
}

const verdictOf = (page: Page, id: ScenarioId) =>
  page.locator(`[data-testid="scenario-verdict"][data-scenario="${id}"]`);

test('classic, then reset: each as expected, its packets in the ladder', async ({ page }) => {
  test.setTimeout(60_000);
  await openPanel(page);
  const picker = page.getByTestId('scenario-picker');
  await expect(picker.locator('[data-scenario]')).toHaveCount(18);
  await expect(picker.locator('[data-scenario="classic"]')).toContainText('Classic exchange');
  await expect(picker.locator('[data-scenario="classic"]')).toContainText('server’s FIN before');

  await run(page, 'classic');
  await expect(verdictOf(page, 'classic')).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
  await expect(verdictOf(page, 'classic')).toContainText('As expected');
  await expect(page.getByTestId('scenario-check').first()).toHaveAttribute('data-status', 'met');
  // The run's conversation is shown: one handshake, the server's FIN first.
  await expect(ladder(page).locator('[data-step="SYN"]')).toHaveCount(1);
  await expect(ladder(page).locator('[data-step="FIN,ACK"]')).toHaveCount(2);
  const fins = page.locator('[data-testid="step-row"][data-kind="FIN,ACK"]');
  await expect(fins.first()).toContainText('←');
  await expect(fins.last()).toContainText('→');
  await page.screenshot({ path: test.info().outputPath('scenario-classic.png') });
  // In Chinese the same verdict, check by check; no English sentence left in it.
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(verdictOf(page, 'classic')).toContainText('符合预期');
  await expect(page.getByTestId('scenario-check').last()).toContainText('服务器先发送 FIN');
  await expect(picker.locator('[data-scenario="syn-lost"]')).toContainText('丢失的 SYN');
  expect(await verdictOf(page, 'classic').innerText()).not.toMatch(
    /expected|checks ran|the server/i,
  );
  await page.getByTestId('language').selectOption('en');

  await run(page, 'reset');
  await expect(verdictOf(page, 'reset')).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
  await expect(ladder(page).locator('[data-step^="RST"]').first()).toBeVisible();
  await expect(ladder(page).locator('[data-step="FIN,ACK"]')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('scenario-reset.png') });
});

test("a second page's run waits for the one playing and says so", async ({ page, context }) => {
  test.setTimeout(60_000);
  const other = await context.newPage();
  await openPanel(other);
  await openPanel(page);
  await run(page, 'keepalive');
  await expect(page.getByTestId('scenario-status')).toHaveAttribute('data-state', 'running');
  await run(other, 'refused');
  const status = other.getByTestId('scenario-status');
  await expect(status).toHaveAttribute('data-state', 'queued');
  await expect(status).toContainText('waiting, 1 ahead');
  await expect(other.getByTestId('scenario-playing')).toContainText('Keep-alive probes');
  await other.screenshot({ path: test.info().outputPath('scenario-queued.png') });
  await expect(verdictOf(other, 'refused')).toHaveAttribute('data-ok', 'true', {
    timeout: 30_000,
  });
  await expect(ladder(other).locator('[data-step="RST,ACK"]')).toHaveCount(1);
});

test('concurrent takes a number of clients', async ({ page }) => {
  test.setTimeout(60_000);
  await openPanel(page);
  await page.getByTestId('scenario-picker').locator('[data-scenario="concurrent"]').click();
  await expect(page.getByTestId('scenario-clients')).toHaveValue('5');
  await page.getByTestId('scenario-clients').fill('2');
  await page.getByTestId('scenario-run').click();
  const verdict = verdictOf(page, 'concurrent');
  await expect(verdict).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
  await expect(verdict.locator('.convs button')).toHaveCount(2);
});

test('refused: once the RST comes, the SYN’s row is corrected to server CLOSED, and the hover says why', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openPanel(page);
  await run(page, 'refused');
  await expect(verdictOf(page, 'refused')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  // The ladder: the server's label on the SYN's row reads CLOSED, marked corrected.
  const mark = ladder(page).locator('[data-state-mark="server"][data-corrected="true"]');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('data-state', 'CLOSED');
  await expect(mark.locator('title')).toContainText('answered this SYN with RST');
  await expect(ladder(page).locator('[data-state="SYN_RECEIVED"]')).toHaveCount(0);
  // The table: the SYN's server state is CLOSED too, with the same reason on hover.
  const syn = page.locator('[data-testid="step-row"][data-kind="SYN"]');
  const cell = syn.locator('td.state.server');
  await expect(cell).toHaveText('CLOSED');
  await expect(cell).toHaveAttribute('data-corrected', 'true');
  await expect(cell).toHaveAttribute('title', /never left CLOSED/);
  await page.screenshot({ path: test.info().outputPath('refused-corrected.png') });
});
