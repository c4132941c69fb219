/** Capture files in the page: open, read errors, share with other pages, save as pcapng, show filter. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readCapture, writePcap } from '../core/pcap/index.ts';
import { handshakeFrames } from '../server/cli/testdata/handshake-frames.ts';
import { CAPTURE_URL } from './ports.ts';

const ladder = (page: Page) => page.getByTestId('ladder');
const picker = (page: Page) => page.getByTestId('session-picker');
const unique = (base: string) => `${base}-${Date.now().toString(36)}.pcap`;

function handshakePcap(): Buffer {
  return Buffer.from(writePcap(handshakeFrames(), 1));
}

async function openFile(page: Page, name: string, buffer: Buffer) {
  await page
    .getByTestId('open-file')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

/** Saves the download the click starts and returns its path. */
async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ file: string; name: string }> {
  const wait = page.waitForEvent('download');
  await click();
  const d = await wait;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pl-save-')), d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

function expectHandshakePcapng(file: string) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const { format, frames } = readCapture(bytes);
  expect(format).toBe('pcapng');
  expect(frames.map((f) => [...f.data])).toEqual(handshakeFrames().map((f) => [...f.data]));
  const numbers = execFileSync('tshark', ['-r', file, '-T', 'fields', '-e', 'frame.number'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(numbers.trim().split('\n')).toEqual(['1', '2', '3', '4']);
}

test('open a pcap: its packets in the ladder, an entry in the session picker, saved again as pcapng', async ({
  page,
}) => {
  await page.goto('/');
  const name = unique('handshake');
  await openFile(page, name, handshakePcap());
  for (const flags of ['SYN', 'SYN,ACK', 'ACK', 'PSH,ACK']) {
    await expect(ladder(page).locator(`[data-step="${flags}"]`)).toHaveCount(1);
  }
  await expect(picker(page)).toHaveValue('local:1');
  await expect(picker(page).locator('option[value="local:1"]')).toHaveText(name);
  await expect(
    page.getByTestId('conversation').filter({ hasText: '10.0.0.1:40000' }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('files-opened.png') });

  const saved = await download(page, () => page.getByTestId('save-pcapng').click());
  expect(saved.name).toBe(name.replace(/\.pcap$/, '.pcapng'));
  expectHandshakePcapng(saved.file);

  // Back to live: the file's packets go, the live session is there again.
  await picker(page).selectOption('live');
  await expect(ladder(page).locator('[data-step="SYN"]')).toHaveCount(0);
  await picker(page).selectOption('local:1');
  await expect(ladder(page).locator('[data-step="SYN"]')).toHaveCount(1);
});

test('a corrupt file: one line with the name and the byte offset, the live view keeps working', async ({
  page,
}) => {
  await page.goto('/');
  const bytes = handshakePcap();
  bytes.writeUInt32LE(0xdeadbeef, 0);
  await openFile(page, 'broken.pcap', bytes);
  const error = page.getByTestId('open-error');
  await expect(error).toContainText('broken.pcap');
  await expect(error).toContainText('at byte 0');
  await expect(picker(page)).toHaveValue('live');

  // Cut inside the second record: the offset of that record is named.
  const second = 24 + 16 + handshakeFrames()[0]!.data.length;
  await openFile(page, 'cut.pcap', handshakePcap().subarray(0, second + 20));
  await expect(error).toContainText(new RegExp(`cut\\.pcap: truncated .* at byte ${second}$`));
  await page.screenshot({ path: test.info().outputPath('files-error.png') });

  await page.getByTestId('send-protocol').selectOption('tcp');
  await page.getByTestId('send-message').fill('still live');
  await page.getByTestId('send-button').click();
  await expect(ladder(page)).toContainText('still live');
});

test('a big file shows reading progress', async ({ page }) => {
  await page.goto('/');
  // 60 frames of ~40 kB: three 1 MiB chunks.
  const [, , , data] = handshakeFrames();
  const frames = Array.from({ length: 60 }, (_, i) => {
    const big = Buffer.concat([Buffer.from(data!.data), Buffer.alloc(40_000, 0x61)]);
    big.writeUInt16BE(big.length - 14, 16); // IPv4 total length
    return { time: data!.time + i * 1000, data: new Uint8Array(big) };
  });
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: number[] };
    w.sawProgress = [];
    new MutationObserver(() => {
      const p = document.querySelector<HTMLProgressElement>('[data-testid="open-progress"]');
      if (p) w.sawProgress.push(p.value / p.max);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await openFile(page, 'big.pcap', Buffer.from(writePcap(frames, 1)));
  await expect(ladder(page).locator('[data-step="PSH,ACK"]').first()).toBeVisible();
  await expect(page.getByTestId('open-progress')).toHaveCount(0);
  const seen = await page.evaluate(
    () => (window as unknown as { sawProgress: number[] }).sawProgress,
  );
  expect(seen.some((f) => f > 0 && f < 1)).toBe(true);
});

test('share a file: another page picks the shared session, views it and saves it', async ({
  page,
  browser,
}) => {
  // Two pages, a share through the server's worker and two tshark runs: generous bounds for a
  // busy machine (each step below still waits for what it names).
  test.setTimeout(120_000);
  const other = await browser.newPage();
  await other.goto('/');
  await page.goto('/');
  // The other page is connected before the share, so it hears of it by the pushed list.
  await expect(other.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', {
    timeout: 30_000,
  });
  const name = unique('shared');
  await openFile(page, name, handshakePcap());
  await expect(ladder(page).locator('[data-step="SYN"]')).toHaveCount(1, { timeout: 20_000 });
  await page.getByTestId('share-file').click();
  await expect(page.getByTestId('session-notice')).toContainText(name, { timeout: 30_000 });

  // The other page hears of it (the server pushes the session list) and can show it.
  const option = other.getByTestId('session-picker').locator('option', { hasText: name });
  await expect(option).toHaveCount(1, { timeout: 20_000 });
  const id = await option.getAttribute('value');
  expect(id).toMatch(/^file-\d+$/);
  await other.getByTestId('session-picker').selectOption(id!);
  await expect(ladder(other).locator('[data-step="SYN,ACK"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(ladder(other).locator('[data-step="PSH,ACK"]')).toHaveAttribute('data-len', '5');
  await other.screenshot({ path: test.info().outputPath('files-shared.png') });

  const saved = await download(other, () => other.getByTestId('save-pcapng').click());
  expectHandshakePcapng(saved.file);
  await other.close();
});

test('save the live session without capture: disabled, and the reason is given', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  const save = page.getByTestId('save-pcapng');
  await expect(save).toBeDisabled();
  await expect(save).toHaveAttribute('title', /No packets to save/);
});

test('show filter: packets and socket calls together or each alone', async ({ page }) => {
  await page.goto(CAPTURE_URL);
  await expect(page.getByTestId('capture-status')).toHaveAttribute('data-state', 'running');
  await page.getByTestId('send-protocol').selectOption('tcp');
  await page.getByTestId('send-message').fill('show filter');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText('show filter');
  const syn = ladder(page).locator('[data-step="SYN"]');
  const accept = ladder(page).locator('[data-step="accept"]');
  await expect(syn).toHaveCount(1);
  await expect(accept).toHaveCount(1);

  const show = page.getByTestId('show-filter');
  await show.selectOption('packets');
  await expect(accept).toHaveCount(0);
  await expect(syn).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('files-show-packets.png') });
  await show.selectOption('steps');
  await expect(syn).toHaveCount(0);
  await expect(accept).toHaveCount(1);
  await show.selectOption('both');
  await expect(syn).toHaveCount(1);
  await expect(accept).toHaveCount(1);
});
