/** Sharing a capture with the class: the sender sees how far the server got, or why it refused. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeFramesPcap } from '../bench/decode-generate.ts';
import { ROLES_TOKEN, ROLES_URL } from './ports.ts';

/** Segments of the shared file: 1,400 bytes each, 1.4 MiB in all (the page opens it in seconds). */
const PACKETS = 1000;
const PAYLOAD = 1400;

/** One TCP stream of full data segments from 10.0.0.1:40000 to 10.0.0.2:80. */
function* download() {
  for (let i = 0; i < PACKETS; i++) {
    const spec = { src: 0x0a000001, dst: 0x0a000002, sport: 40000, dport: 80, udp: false };
    const tcp = { seq: 1 + i * PAYLOAD, ack: 1, flags: 0x18, window: 65535, payload: PAYLOAD };
    yield { spec: { ...spec, ...tcp }, time: Date.UTC(2026, 0, 1) * 1000 + i * 100 };
  }
}

function captureFile(name: string): { file: string; done: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-share-'));
  const file = path.join(dir, name);
  writeFramesPcap(file, download());
  return { file, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Opens the file in the page and waits until it is the session shown (read in a worker). */
async function openLocal(page: Page, file: string) {
  await page.getByTestId('open-file').setInputFiles(file);
  await expect(page.getByTestId('session-picker')).toHaveValue(/^local:/, { timeout: 30_000 });
}

test('the sender sees MiB received and packets read, then picks the shared file', async ({
  page,
}) => {
  const name = `scan-${Date.now().toString(36)}.pcap`;
  const scan = captureFile(name);
  try {
    await page.goto('/');
    await openLocal(page, scan.file);
    // Every text the progress line shows, however briefly (a fast server reads it at once).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenProgress: string[] }).seenProgress = seen;
      new MutationObserver(() => {
        const line = document.querySelector('[data-testid="share-progress"]');
        if (line?.textContent && seen.at(-1) !== line.textContent) seen.push(line.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('share-file').click();
    await expect(page.getByTestId('session-notice')).toContainText(`Shared as “${name}”`, {
      timeout: 60_000,
    });
    await expect(page.getByTestId('share-progress')).toHaveCount(0);

    const seen = await page.evaluate(
      () => (window as unknown as { seenProgress: string[] }).seenProgress,
    );
    const progress = seen.map((text) =>
      /^\s*Sharing (.+): ([\d.]+) of ([\d.]+) MiB received, ([\d,]+) packets read\s*$/.exec(text),
    );
    expect(
      progress.every((m) => m && m[1] === name),
      seen.join(' | '),
    ).toBe(true);
    const read = progress.map((m) => Number(m![4]!.replace(/,/g, '')));
    // Packets read counted up while the file was being read, never past the file's.
    expect(Math.max(...read), seen.join(' | ')).toBeGreaterThan(0);
    expect(Math.max(...read)).toBeLessThanOrEqual(PACKETS);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(Math.max(...progress.map((m) => Number(m![2])))).toBeGreaterThan(0);
    expect(progress.at(-1)![3]).toBe((fs.statSync(scan.file).size / 2 ** 20).toFixed(1));

    // The shared session is in the picker; picked, it shows the file's last packet.
    const option = page.getByTestId('session-picker').locator('option', { hasText: name });
    const id = await option.first().getAttribute('value');
    expect(id).toMatch(/^file-\d+$/);
    await page.getByTestId('session-picker').selectOption(id!);
    await page.locator('[data-testid="conversation"][data-conv="all"]').click();
    await expect(page.getByTestId('step-row').last()).toHaveAttribute(
      'data-record',
      String(PACKETS),
    );
  } finally {
    scan.done();
  }
});

test('a file over --max-upload-mb is refused with one line', async ({ page }) => {
  // The roles server takes at most 1 MiB (playwright.config.ts); this file is 1.4 MiB.
  const scan = captureFile('too-big.pcap');
  try {
    await page.goto(`${ROLES_URL}?token=${ROLES_TOKEN}`);
    await expect(page.getByTestId('role-badge')).toHaveAttribute('data-role', 'presenter');
    await openLocal(page, scan.file);
    await page.getByTestId('share-file').click();
    const notice = page.getByTestId('session-notice');
    await expect(notice).toHaveText('too-big.pcap is 1.4 MiB; at most 1 MiB can be shared.');
    await expect(notice).toHaveClass(/error/);
    await expect(page.getByTestId('share-progress')).toHaveCount(0);
    const shared = page.getByTestId('session-picker').locator('option', { hasText: 'too-big' });
    await expect(shared).toHaveCount(1); // the local file only
  } finally {
    scan.done();
  }
});
