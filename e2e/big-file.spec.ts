/**
 * A capture file bigger than the views take at once: read in a worker, shown without a cut, and
 * every packet reachable — the last one by "go to packet", a middle one by the earlier/later steps.
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

    // A packet outside the file is refused in one line, and the view stays where it was.
    await page.getByTestId('goto-packet').fill(String(PACKETS + 1));
    await page.getByTestId('goto-go').click();
    await expect(page.getByRole('alert')).toContainText(`No packet ${PACKETS + 1}`);
    await expect(selected).toHaveAttribute('data-record', String(PACKETS));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
