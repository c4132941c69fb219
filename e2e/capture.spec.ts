/** With --capture: the real packets in the ladder and the table, with correct numbers. */
import { expect, test } from '@playwright/test';
import { CAPTURE_URL } from './ports.ts';

test('TCP with capture: handshake, data and close packets drawn with seq/ack/len', async ({
  page,
}) => {
  await page.goto(CAPTURE_URL);
  await expect(page.getByText(/running/i).first()).toBeVisible();
  await page.getByTestId('send-protocol').selectOption('tcp');
  await page.getByTestId('send-message').fill('hello, I am A');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText('you msg is : hello, I am A');

  const ladder = page.getByTestId('ladder');
  await expect(ladder.locator('[data-step="SYN"]')).toHaveCount(1);
  await expect(ladder.locator('[data-step="SYN"]')).toHaveAttribute('data-seq', '0');
  await expect(ladder.locator('[data-step="SYN,ACK"]')).toHaveAttribute('data-ack', '1');
  const request = ladder.locator('[data-step="PSH,ACK"][data-len="13"]');
  await expect(request).toHaveAttribute('data-seq', '1');
  await expect(request).toHaveAttribute('data-ack', '1');
  const reply = ladder.locator('[data-step="PSH,ACK"][data-len="44"]');
  await expect(reply).toHaveAttribute('data-seq', '1');
  await expect(reply).toHaveAttribute('data-ack', '14');
  await expect(ladder.locator('[data-step="FIN,ACK"]')).toHaveCount(2);
  await expect(ladder).toContainText('SYN Seq=0');
  await expect(ladder).toContainText('PSH,ACK Seq=1 Ack=1 Len=13');
  // Socket steps stay on the same axis as the packets.
  await expect(ladder.locator('[data-step="accept"]')).toHaveCount(1);

  // The table lists the packets with each side's state after it.
  const synRow = page.locator('[data-testid="step-row"][data-client-state="SYN_SENT"]').first();
  await expect(synRow).toHaveAttribute('data-server-state', 'SYN_RECEIVED');
  await expect(
    page.locator('[data-testid="step-row"][data-server-state="TIME_WAIT"]').first(),
  ).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot-capture.png' });
});

test('UDP with capture: both datagrams drawn as arrows', async ({ page }) => {
  await page.goto(CAPTURE_URL);
  await page.getByTestId('send-protocol').selectOption('udp');
  await page.getByTestId('send-message').fill('udp with capture');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText('udp with capture');
  await expect(page.getByTestId('ladder').locator('[data-step="UDP"]')).toHaveCount(2);
  await expect(page.getByTestId('ladder').locator('[data-step="UDP"]').first()).toHaveAttribute(
    'data-len',
    '16',
  );
});
