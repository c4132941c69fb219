/** Export links in real Chromium: the shown conversation's files, read back by their consumers. */
import { expect, test } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';

test('the export links give the shown conversation as CSV, Mermaid and JSON', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('send-protocol').selectOption('tcp');
  await page.getByTestId('send-message').fill('export me, "please"');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText('export me');
  await expect(page.getByTestId('ladder').locator('[data-step="close"]')).toHaveCount(2);

  const csvHref = await page.getByTestId('export-csv').getAttribute('href');
  expect(csvHref).toMatch(/^\/api\/sessions\/live\/export\.csv\?conv=tcp/);
  const csv = await (await page.request.get(csvHref!)).text();
  const rows: string[][] = parseCsv(csv);
  expect(rows[0]![0]).toBe('No.');
  expect(rows.some((r) => r[14] === 'export me, "please"')).toBe(true);

  const mmd = await (
    await page.request.get((await page.getByTestId('export-mmd').getAttribute('href'))!)
  ).text();
  expect(mmd.startsWith('sequenceDiagram\n')).toBe(true);
  expect(mmd).toContain('write 19 B: "export me, "please""');

  const json = (await (
    await page.request.get((await page.getByTestId('export-json').getAttribute('href'))!)
  ).json()) as { records: { type: string }[] };
  expect(json.records.filter((r) => r.type === 'step').length).toBeGreaterThanOrEqual(8);
});
