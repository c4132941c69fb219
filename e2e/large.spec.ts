/** A long capture in the page: only the rows near the viewport are drawn, and all stay reachable. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generatePcap } from '../bench/decode-generate.ts';

const PACKETS = 5000;

test('5,000 packets: the ladder and table draw a window of rows and follow the selection', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-large-'));
  const file = path.join(dir, 'large.pcap');
  generatePcap(file, PACKETS, 7);
  try {
    await page.goto('/');
    await page.getByTestId('open-file').setInputFiles(file);
    // The file is read in a worker: wait until it is the session shown.
    await expect(page.getByTestId('session-picker')).toHaveValue(/^local:/, { timeout: 30_000 });
    await page.locator('[data-testid="conversation"][data-conv="all"]').click();

    const rows = page.getByTestId('step-row');
    // The newest rows are in view; far fewer than all of them are in the page.
    await expect(rows.last()).toHaveAttribute('data-record', String(PACKETS));
    expect(await rows.count()).toBeLessThan(200);
    expect(await page.getByTestId('ladder').locator('[data-step]').count()).toBeLessThan(200);

    // Scrolling the ladder by a couple of hundred rows reuses its row elements: the rows that come in
    // take over the elements of those that left, none is made or removed.
    const ladderRows = page.getByTestId('ladder').locator('g.row');
    const ladderDown = (views: number) =>
      page
        .locator('section.ladder .scroller')
        .evaluate((el, n) => el.scrollBy(0, Math.round(el.clientHeight * n)), views);
    // Away from the first rows (the ladder starts there), where the window is cut short.
    await ladderDown(3);
    await expect(page.getByTestId('ladder').locator('g.row[data-record="1"]')).toHaveCount(0);
    const before = await ladderRows.evaluateAll((gs) => {
      gs.forEach((g, i) => ((g as unknown as { mark: number }).mark = i));
      return gs.map((g) => g.getAttribute('data-record'));
    });
    await ladderDown(6);
    await expect
      .poll(() => ladderRows.first().getAttribute('data-record'))
      .not.toBe(before[0] ?? null);
    const after = await ladderRows.evaluateAll((gs) =>
      gs.map((g) => ({
        mark: (g as unknown as { mark?: number }).mark,
        recNo: g.getAttribute('data-record'),
      })),
    );
    expect(after).toHaveLength(before.length);
    expect(after.filter((r) => r.mark === undefined)).toEqual([]);
    expect(after.filter((r) => before.includes(r.recNo)).length).toBeLessThan(before.length);

    // Keyboard selection walks past the drawn window, and the views follow it.
    await rows.last().click();
    for (let i = 0; i < 120; i++) await page.keyboard.press('ArrowUp');
    const selected = page.locator('[data-testid="step-row"][aria-selected="true"]');
    await expect(selected).toHaveAttribute('data-record', String(PACKETS - 120));
    await expect(selected).toBeInViewport();
    await expect(
      page.getByTestId('ladder').locator(`[data-record="${PACKETS - 120}"]`),
    ).toBeInViewport();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
