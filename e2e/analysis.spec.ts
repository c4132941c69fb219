/** The teaching views: per-side states, phases, socket↔packet links, explanations in two languages. */
import { expect, test, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { CAPTURE_URL } from './ports.ts';

async function sendTcp(page: Page, message: string) {
  await page.getByTestId('send-protocol').selectOption('tcp');
  await page.getByTestId('send-message').fill(message);
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText(`you msg is : ${message}`);
}

const rows = (page: Page) => page.getByTestId('step-row');
const shots = process.env.E2E_SHOTS;

test('with capture: phases, states after each packet, links and explanations', async ({ page }) => {
  await page.goto(CAPTURE_URL);
  await expect(page.getByTestId('capture-status')).toHaveAttribute('data-state', 'running');
  await sendTcp(page, 'hello, I am A');
  const ladder = page.getByTestId('ladder');
  await expect(ladder.locator('[data-step="FIN,ACK"]')).toHaveCount(2);

  // The phase list: setup, data, close.
  const phases = page.getByTestId('phases');
  await expect(phases.locator('> [data-phase]')).toHaveCount(3);
  await expect(phases.locator('> [data-phase]').nth(0)).toHaveAttribute('data-phase', 'setup');
  await expect(phases.locator('> [data-phase]').nth(1)).toHaveAttribute('data-phase', 'data');
  await expect(phases.locator('> [data-phase]').nth(2)).toHaveAttribute('data-phase', 'close');

  // The SYN: client SYN_SENT, server SYN_RECEIVED.
  const syn = rows(page).and(page.locator('[data-kind="SYN"]'));
  await expect(syn).toHaveAttribute('data-client-state', 'SYN_SENT');
  await expect(syn).toHaveAttribute('data-server-state', 'SYN_RECEIVED');
  // The echo server closes first, so the last ACK is the server's: client CLOSED, server TIME_WAIT.
  const lastPacket = rows(page).and(page.locator('[data-client-state]')).last();
  await expect(lastPacket).toHaveAttribute('data-kind', 'ACK');
  await expect(lastPacket).toHaveAttribute('data-client-state', 'CLOSED');
  await expect(lastPacket).toHaveAttribute('data-server-state', 'TIME_WAIT');
  await expect(lastPacket).toContainText(/TIME_WAIT \d+ s/);
  // TIME_WAIT counts down, live; both state columns fit beside the ladder at 1280×720.
  const before = await lastPacket.locator('td.state.server').textContent();
  // It ticks each second; 15 s leaves room for a busy machine, far inside TIME_WAIT's 60 s.
  await expect(lastPacket.locator('td.state.server')).not.toHaveText(before ?? '', {
    timeout: 15_000,
  });
  const serverColumn = await page.locator('th', { hasText: /^Server$/ }).boundingBox();
  expect((serverColumn?.x ?? 9999) + (serverColumn?.width ?? 0)).toBeLessThanOrEqual(1280);
  // State labels on the lifelines, TIME_WAIT among them.
  await expect(ladder.locator('[data-state-mark="server"][data-state="TIME_WAIT"]')).toHaveCount(1);

  // Seq/Ack arithmetic on hover, relative by default, absolute one click away.
  const request = rows(page).and(page.locator('[data-kind="PSH,ACK"]')).first();
  const ackOfIt = rows(page).and(page.locator('[data-kind="ACK"]')).nth(1);
  await expect(ackOfIt.locator('td[title^="Ack 14 = Seq 1 + Len 13"]')).toHaveCount(1);
  await page.getByTestId('seq-mode').click();
  await expect(page.getByTestId('seq-mode')).toHaveAttribute('data-mode', 'absolute');
  await expect(request.locator('td[title^="NextSeq"]')).toHaveCount(0); // compact layout
  await page.getByTestId('seq-mode').click();

  // Selecting the client's write step marks the PSH,ACK Len=13 it caused.
  const write = ladder.locator('[data-step="write"]').first();
  await write.click();
  const segment = ladder.locator('[data-step="PSH,ACK"][data-len="13"]');
  await expect(segment).toHaveAttribute('data-linked', 'true');
  await expect(request).toHaveAttribute('data-linked', 'true');
  await expect(page.getByTestId('linked-record').first()).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/analysis-linked.png` });
  // Hovering a table row highlights in the ladder too: the server's read ↔ the same segment.
  await page.getByTestId('explanation').click();
  await rows(page).and(page.locator('[data-kind="read"]')).first().hover();
  await expect(segment).toHaveAttribute('data-linked', 'true');

  // The SYN explained, in English, then in Chinese.
  await syn.click();
  await expect(page.getByTestId('explanation')).toContainText('SYN');
  await expect(page.getByTestId('explanation')).toContainText('client');
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('explanation')).toContainText('客户端');
  await expect(page.getByTestId('phases')).toContainText('建立');
  if (shots) await page.screenshot({ path: `${shots}/analysis-zh.png` });
  // Remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('language')).toHaveValue('zh-CN');
  await page.getByTestId('language').selectOption('en');

  // Full-width table: every column, NextSeq arithmetic on hover.
  await page.getByTestId('layout').click();
  await expect(page.locator('main')).toHaveAttribute('data-layout', 'stack');
  await expect(request.locator('td[title="NextSeq 14 = Seq 1 + Len 13"]')).toHaveCount(1);
  if (shots) await page.screenshot({ path: `${shots}/analysis-stack.png` });
});

test('without capture: states derived from the socket calls, marked as derived', async ({
  page,
}) => {
  await page.goto('/');
  await sendTcp(page, 'no capture here');
  const ladder = page.getByTestId('ladder');
  await expect(ladder.locator('[data-step="close"]')).toHaveCount(2);
  const connect = rows(page).and(page.locator('[data-kind="connect"]'));
  await expect(connect).toHaveAttribute('data-derived-client-state', 'ESTABLISHED');
  await expect(connect.locator('td.derived').first()).toHaveAttribute('title', /derived/i);
  await expect(page.getByTestId('derived-legend')).toBeVisible();
  await expect(ladder.locator('[data-state-mark][data-derived="true"]').first()).toBeVisible();
  await expect(page.getByTestId('phases')).toHaveCount(0);
  if (shots) await page.screenshot({ path: `${shots}/analysis-derived.png` });
});

test('UDP to a closed port: the ICMP error is drawn back to the sender and explained as the answer', async ({
  page,
}) => {
  await page.goto(CAPTURE_URL);
  await expect(page.getByTestId('capture-status')).toHaveAttribute('data-state', 'running');
  // The udp-unreachable scenario sends one datagram to a port nothing is bound to.
  const socket = io(CAPTURE_URL, { transports: ['websocket'] });
  try {
    const res = await new Promise<{ ok: boolean }>((resolve) =>
      socket.emit('runScenario', { id: 'udp-unreachable' } as never, resolve),
    );
    expect(res.ok).toBe(true);
  } finally {
    socket.close();
  }
  const ladder = page.getByTestId('ladder');
  await expect(ladder.locator('[data-step="ICMP"]')).toHaveCount(1, { timeout: 10_000 });
  const icmpRow = rows(page).and(page.locator('[data-kind="ICMP"]'));
  await expect(icmpRow.locator('td.side')).toHaveText('←');
  const datagram = rows(page).and(page.locator('[data-kind="UDP"]'));
  await expect(datagram.locator('td.num').nth(3)).toHaveText('13');
  await icmpRow.click();
  const no = await datagram.getAttribute('data-record');
  await expect(page.getByTestId('explanation')).toContainText(`It answers No. ${no}`);
  await expect(datagram).toHaveAttribute('data-linked', 'true');
});
