/**
 * The ladder saved as SVG and PNG in real Chromium, with capture on: the SVG parsed with
 * fast-xml-parser holds the text of the ladder on screen (arrow labels, lane titles), its styles
 * and fonts inline; the PNG decoded with pngjs is 2× the SVG and not blank. In English and Chinese.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { CAPTURE_URL } from './ports.ts';

/** Every text node's value, anywhere in a parsed document. */
function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string' || typeof node === 'number') out.push(String(node));
  else if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) if (!k.startsWith('@_')) texts(v, out);
  return out;
}

async function download(page: Page, id: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-menu').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

/** What the page shows: the ladder's text runs and the lane heads' words. */
async function shown(page: Page): Promise<{ ladder: string[]; lanes: string[] }> {
  const ladder = await page
    .getByTestId('ladder')
    .locator('text')
    .evaluateAll((els) =>
      // Each text's own words (its <title>, the hover text, is a child element of its own).
      els
        .map((e) =>
          [...e.childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent)
            .join('')
            .trim(),
        )
        .filter(Boolean),
    );
  const lanes = await page
    .getByTestId('lane')
    .locator('b, span')
    .evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? '').filter(Boolean));
  return { ladder, lanes };
}

async function checkPictures(page: Page): Promise<void> {
  const { ladder, lanes } = await shown(page);
  expect(ladder.some((t) => t.startsWith('SYN Seq=0'))).toBe(true);

  const svg = await download(page, 'export-svg');
  expect(svg.name).toMatch(/\.svg$/);
  const text = svg.bytes.toString('utf8');
  const opts = { ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false };
  const doc = new XMLParser({ ...opts, preserveOrder: true }).parse(text);
  const root = new XMLParser(opts).parse(text).svg;
  const [w, h] = [Number(root['@_width']), Number(root['@_height'])];
  expect(root['@_viewBox']).toBe(`0 0 ${w} ${h}`);
  // TIME_WAIT's countdown ticks between reading the page and the export.
  const norm = (t: string) => t.trim().replace(/^TIME_WAIT \d+ (s|秒)$/, 'TIME_WAIT');
  const inSvg = new Set(texts(doc).map(norm));
  expect([...ladder, ...lanes].map(norm).filter((t) => !inSvg.has(t))).toEqual([]);
  // Self-contained: no stylesheet or font from elsewhere, the font inline.
  const outside = /<link|@import|href="http|url\((?!data:|#)[^)]*\)/.exec(text);
  expect(outside?.[0]).toBeUndefined();
  expect(text).toMatch(/@font-face\{font-family:'Noto Sans SC'[^}]*data:font\/woff2;base64,/);

  const png = await download(page, 'export-png');
  expect(png.name).toMatch(/\.png$/);
  fs.writeFileSync(test.info().outputPath(png.name), png.bytes);
  fs.writeFileSync(test.info().outputPath(svg.name), svg.bytes);
  const img = PNG.sync.read(png.bytes);
  expect([img.width, img.height]).toEqual([w * 2, h * 2]);
  // Text drawn, not only shapes: the lane heads' band holds dark pixels (their words).
  let dark = 0;
  const head = Math.round(
    Number(/<g><rect x="0" y="0" width="\d+" height="(\d+)"/.exec(text)![1]) * 2,
  );
  for (let i = 0; i < img.width * head * 4; i += 4)
    if (img.data[i]! + img.data[i + 1]! + img.data[i + 2]! < 3 * 110) dark++;
  expect(dark).toBeGreaterThan(100);
  const colours = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4 * 7) colours.add(img.data.readUInt32BE(i));
  expect(colours.size).toBeGreaterThan(8);
}

test('the ladder as SVG and PNG: its text, lane titles, inline fonts, 2× pixels, in English and Chinese', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(CAPTURE_URL);
  await expect(page.getByText(/running/i).first()).toBeVisible();
  await page.getByTestId('send-protocol').selectOption('tcp');
  await page.getByTestId('send-message').fill('picture me');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText('picture me');
  const ladder = page.getByTestId('ladder');
  await expect(ladder.locator('[data-step="FIN,ACK"]')).toHaveCount(2);
  await checkPictures(page);

  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('lane').first()).toContainText('客户端');
  await checkPictures(page);
});
