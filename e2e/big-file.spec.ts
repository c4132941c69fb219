/**
 * A capture file bigger than the views take at once: read in a worker, shown without a cut, and
 * every packet reachable — the last one by "go to packet", the first by scrolling back through
 * "All records" from the last.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generatePcap } from '../bench/decode-generate.ts';

const PACKETS = 50_000;

test('50,000 packets: no cut, the last packet is one "go to packet" away', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-big-'));
  const file = path.join(dir, 'big.pcap');
  generatePcap(file, PACKETS, 11, 'echo');
  try {
    await page.goto('/');
    await page.getByTestId('open-file').setInputFiles(file);
    const range = page.getByTestId('file-window-range');
    await expect(range).toContainText(`of ${PACKETS}`, { timeout: 60_000 });
    await expect(page.getByText(/Showing the first/)).toHaveCount(0);

    await page.getByTestId('goto-packet').fill(String(PACKETS));
    await page.getByTestId('goto-go').click();
    const selected = page.locator('[data-testid="step-row"][aria-selected="true"]');
    await expect(selected).toHaveAttribute('data-record', String(PACKETS));
    await expect(selected).toBeInViewport();
    await expect(range).toContainText(`–${PACKETS} of`);

    // Scrolling "All records" up through its top edge brings the earlier packets in, the row
    // looked at staying in place: packet 1 is reached by scrolling alone.
    const scroller = page.locator('section.steps .scroller');
    for (let i = 0; i < 12 && !(await range.textContent())?.includes('Packets 1–'); i++) {
      const before = await range.textContent();
      await scroller.evaluate((el) => (el.scrollTop = 100)); // up, into the top edge
      await expect(range).not.toHaveText(before!);
      // The rows moved down by as many as came in: the view did not jump to the new top.
      await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(10_000);
    }
    await expect(range).toContainText('Packets 1–');
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await expect(page.locator('[data-testid="step-row"][data-record="1"]')).toBeInViewport();

    await page.getByTestId('goto-packet').fill(String(PACKETS));
    await page.getByTestId('goto-go').click();
    await expect(selected).toHaveAttribute('data-record', String(PACKETS));

    // A packet outside the file is refused in one line, and the view stays where it was.
    await page.getByTestId('goto-packet').fill(String(PACKETS + 1));
    await page.getByTestId('goto-go').click();
    await expect(page.getByRole('alert')).toContainText(`No packet ${PACKETS + 1}`);
    await expect(selected).toHaveAttribute('data-record', String(PACKETS));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
