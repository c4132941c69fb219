/**
 * Projector-first page on a real capture: the classic exchange (10 packets + 12 socket calls)
 * fits 1280×720 with readable, non-overlapping labels; replay driven by keys and clicker keys;
 * packet details with hex highlighting; Chinese rendered with the page's own font.
 */
import { expect, test, type Page } from '@playwright/test';
import { CAPTURE_URL } from './ports.ts';

test.describe.configure({ timeout: 90_000 });

async function classicExchange(page: Page): Promise<void> {
  await page.goto(CAPTURE_URL);
  await expect(page.getByTestId('capture-status')).toHaveAttribute('data-state', 'running');
  await page.getByTestId('send-message').fill('hello, I am A');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText('hello, I am A');
  // Capture trails the socket calls a little: wait for every packet and call.
  await expect(page.getByTestId('ladder').locator('g.row')).toHaveCount(22);
  await expect(page.getByTestId('ladder').locator('[data-step="FIN,ACK"]')).toHaveCount(2);
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  size: number;
}

/** Every text drawn in the ladder (labels, times, states) and every arrowhead, in page px. */
async function ladderGeometry(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="ladder"]')!;
    const box = (r: DOMRect) => ({ x: r.x, y: r.y, w: r.width, h: r.height });
    const labels = [...svg.querySelectorAll('text')]
      .filter((t) => !t.closest('[data-phase-name]') && !t.hasAttribute('data-phase-name'))
      .map((t) => ({
        ...box(t.getBoundingClientRect()),
        text: t.textContent?.trim() ?? '',
        size: parseFloat(getComputedStyle(t).fontSize),
      }));
    const heads = [...svg.querySelectorAll<SVGPathElement>('path.shaft')].map((p) => {
      const end = p.getPointAtLength(p.getTotalLength());
      const m = p.getScreenCTM()!;
      const x = end.x * m.a + m.e;
      const y = end.y * m.d + m.f;
      return { x: x - 8, y: y - 5, w: 8, h: 10, text: 'arrowhead', size: 0 };
    });
    const rows = [...svg.querySelectorAll('g.row > rect.bg')].map((r) =>
      box(r.getBoundingClientRect()),
    );
    const ladder = box(document.querySelector('section.ladder')!.getBoundingClientRect());
    const head = box(document.querySelector('.lanes')!.getBoundingClientRect());
    return { labels, heads, rows, ladder, head };
  });
}

const overlap = (a: Omit<Box, 'text' | 'size'>, b: Omit<Box, 'text' | 'size'>) =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

async function expectFits(page: Page, minFont: number): Promise<void> {
  const g = await ladderGeometry(page);
  const viewport = page.viewportSize()!;
  expect(g.rows).toHaveLength(22);
  for (const r of g.rows) {
    expect(r.y, 'row below the lifeline head').toBeGreaterThanOrEqual(g.head.y + g.head.h - 1);
    expect(r.y + r.h, 'row inside the viewport').toBeLessThanOrEqual(viewport.height);
  }
  const texts = g.labels.filter((l) => l.text);
  expect(texts.length).toBeGreaterThan(40);
  for (const l of texts) {
    expect(l.size, `font size of "${l.text}"`).toBeGreaterThanOrEqual(minFont);
    expect(l.x + l.w, `"${l.text}" stays in the ladder, off the table`).toBeLessThanOrEqual(
      g.ladder.x + g.ladder.w + 0.5,
    );
    expect(l.y + l.h, `"${l.text}" inside the viewport`).toBeLessThanOrEqual(viewport.height);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      expect(
        overlap(texts[i]!, texts[j]!),
        `"${texts[i]!.text}" overlaps "${texts[j]!.text}"`,
      ).toBe(false);
    }
    for (const h of g.heads)
      expect(overlap(texts[i]!, h), `"${texts[i]!.text}" covers an arrowhead`).toBe(false);
  }
}

test('1280×720 projector mode: the whole classic exchange fits, labels ≥ 20 px, none overlapping', async ({
  page,
}) => {
  await classicExchange(page);
  const toggle = page.getByTestId('projector-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // Normal mode: text 16 px, state labels 14 px.
  await expectFits(page, 14);
  await page.screenshot({ path: 'docs/screenshot-1280x720.png' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('capture-status')).toContainText('running');
  await expectFits(page, 20);
  await page.locator('body').press('ArrowRight'); // the first step, selected and explained
  await expect(page.getByTestId('explanation')).not.toBeEmpty();
  await page.screenshot({ path: 'docs/projector-1280x720.png' });
});

test('1920×1080 projector mode: still one screen, rows taller', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await classicExchange(page);
  await page.getByTestId('projector-toggle').click();
  await expectFits(page, 20);
  await page.screenshot({ path: 'docs/projector-1920x1080.png' });
});

test('replay: arrow keys, clicker keys, Space, Home/End, reveal; the explanation follows', async ({
  page,
}) => {
  await classicExchange(page);
  const ladder = page.getByTestId('ladder');
  const current = () => ladder.locator('g.row[aria-pressed="true"]');
  const rows = ladder.locator('g.row');
  const first = await rows.first().getAttribute('data-record');
  const second = await rows.nth(1).getAttribute('data-record');
  const last = await rows.last().getAttribute('data-record');

  await page.locator('body').press('ArrowRight');
  await expect(current()).toHaveAttribute('data-record', first!);
  const said = await page.getByTestId('explanation').textContent();
  await page.keyboard.press('PageDown'); // what a clicker sends for "next"
  await expect(current()).toHaveAttribute('data-record', second!);
  await expect(page.getByTestId('explanation')).not.toHaveText(said!);
  await page.keyboard.press('PageUp');
  await expect(current()).toHaveAttribute('data-record', first!);
  await page.keyboard.press('End');
  await expect(current()).toHaveAttribute('data-record', last!);
  await page.keyboard.press('Home');
  await expect(current()).toHaveAttribute('data-record', first!);
  await page.getByTestId('step-next').click();
  await expect(current()).toHaveAttribute('data-record', second!);
  await page.getByTestId('step-prev').click();
  await expect(current()).toHaveAttribute('data-record', first!);

  // Typing in the message field keeps its keys.
  await page.getByTestId('send-message').press('ArrowRight');
  await expect(current()).toHaveAttribute('data-record', first!);

  // Reveal: only the steps up to the current one are drawn.
  await page.getByTestId('reveal').click();
  await expect(rows).toHaveCount(1);
  await page.locator('body').press('ArrowRight');
  await expect(rows).toHaveCount(2);

  // Space plays (a packet travels while it does) and pauses.
  await page.getByTestId('replay-speed').selectOption('4');
  await page.locator('body').press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(ladder.locator('[data-testid="moving-packet"]')).toHaveCount(1, { timeout: 5000 });
  await expect.poll(() => rows.count(), { timeout: 3000 }).toBeGreaterThanOrEqual(4);
  await page.locator('body').press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  const held = await rows.count();
  await page.waitForTimeout(800);
  await expect(rows).toHaveCount(held);

  // Every replay control is reachable by Tab.
  await page.getByTestId('send-button').focus();
  const reached = new Set<string>();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (id) reached.add(id);
  }
  for (const id of ['step-prev', 'play', 'step-next', 'replay-speed'])
    expect(reached, `${id} reached by Tab`).toContain(id);
});

test('packet details: every layer as a tree, the chosen field highlighted in the hex dump', async ({
  page,
}) => {
  await classicExchange(page);
  await page.getByTestId('ladder').locator('[data-step="SYN"]').click();
  await page.getByTestId('tab-details').click();
  const details = page.getByTestId('packet-details');
  for (const layer of ['eth', 'ip', 'tcp'])
    await expect(details.locator(`[data-field="${layer}"]`)).toBeVisible();
  await expect(details.locator('[data-field="ip.ttl"]')).toContainText('64');
  await expect(details.locator('[data-field="tcp.flags.syn"]')).toContainText('Set');
  await expect(details.locator('[data-field="tcp.option.mss"]')).toContainText('65495');
  await expect(details.locator('[data-field="tcp.seq"]')).toContainText('0');
  const hex = page.getByTestId('hex-dump');
  // Ethernet (14) + IPv4 (20): the TCP source port is at bytes 34–35, the flags byte at 47.
  await details.locator('[data-field="tcp.srcport"]').click();
  await expect(hex.locator('.b.hl')).toHaveCount(2);
  expect(await hex.locator('.b.hl').evaluateAll((els) => els.map((e) => e.dataset.offset))).toEqual(
    ['34', '35'],
  );
  await details.locator('[data-field="tcp.flags.syn"]').click();
  expect(await hex.locator('.b.hl').evaluateAll((els) => els.map((e) => e.dataset.offset))).toEqual(
    ['47'],
  );
  await expect(hex.locator('.b.hl')).toHaveText('02');
});

test('简体中文: labels switch and the page’s own font draws the glyphs (no tofu)', async ({
  page,
}) => {
  await classicExchange(page);
  await page.getByTestId('projector-toggle').click();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('projector-toggle')).toHaveText('投影模式');
  await page.evaluate(() => document.fonts.ready);
  const glyphs = await page.evaluate(async () => {
    await document.fonts.load('20px "Noto Sans SC"', '报文中文');
    const draw = (ch: string, font: string) => {
      const c = document.createElement('canvas');
      c.width = 40;
      c.height = 40;
      const ctx = c.getContext('2d')!;
      ctx.font = font;
      ctx.fillText(ch, 5, 30);
      return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
    };
    const font = '28px "Noto Sans SC"';
    return {
      loaded: document.fonts.check('20px "Noto Sans SC"', '中'),
      // Tofu boxes look alike; real glyphs differ.
      differ: draw('中', font) !== draw('文', font) && draw('报', font) !== draw('阶', font),
    };
  });
  expect(glyphs.loaded).toBe(true);
  expect(glyphs.differ).toBe(true);
  await expect(page.getByTestId('ladder').locator('[data-phase-name="setup"]')).toHaveText(/建立/);
  await page.locator('body').press('ArrowRight');
  await expectFits(page, 20);
  // Slices of the font load as their characters first show: let them arrive.
  await page.waitForTimeout(1000);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: 'docs/projector-zh.png' });
});
