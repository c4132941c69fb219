/**
 * Projector-first page on a real capture: the classic exchange (10 packets + 12 socket calls)
 * fits 1280×720 with readable, non-overlapping labels; replay driven by keys and clicker keys;
 * packet details with hex highlighting; Chinese rendered with the page's own font.
 */
import { expect, test, type Page } from '@playwright/test';
import { writePcap } from '../core/analysis/testdata/write-pcap.ts';
import { flagScenarios } from '../core/analysis/testdata/scenarios.ts';
import { CAPTURE_URL } from './ports.ts';

test.describe.configure({ timeout: 180_000 });

async function classicExchange(page: Page): Promise<number> {
  await page.goto(CAPTURE_URL);
  await expect(page.getByTestId('capture-status')).toHaveAttribute('data-state', 'running');
  await page.getByTestId('send-message').fill('hello, I am A');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('send-reply')).toContainText('hello, I am A');
  // Capture trails the socket calls a little: wait for every packet and call. 22 rows, or 23 when
  // a loaded machine has the client ACK the server's FIN before it sends its own.
  const ladder = page.getByTestId('ladder');
  await expect(ladder.locator('[data-step="FIN,ACK"]')).toHaveCount(2);
  await expect(ladder.locator('[data-step="close"]')).toHaveCount(2);
  await expect.poll(() => ladder.locator('[data-step="ACK"]').count()).toBeGreaterThanOrEqual(4);
  await expect.poll(() => ladder.locator('g.row').count()).toBeGreaterThanOrEqual(22);
  return ladder.locator('g.row').count();
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

async function expectFits(page: Page, minFont: number, rows = 22): Promise<void> {
  const g = await ladderGeometry(page);
  const viewport = page.viewportSize()!;
  expect(g.rows).toHaveLength(rows);
  for (const r of g.rows) {
    expect(r.y, 'row below the lifeline head').toBeGreaterThanOrEqual(g.head.y + g.head.h - 1);
    expect(r.y + r.h, 'row inside the viewport').toBeLessThanOrEqual(viewport.height);
  }
  const texts = g.labels.filter((l) => l.text);
  expect(texts.length).toBeGreaterThan(rows);
  for (const l of texts) {
    expect(l.size, `font size of "${l.text}"`).toBeGreaterThanOrEqual(minFont);
    expect(l.x + l.w, `"${l.text}" stays in the ladder, off the table`).toBeLessThanOrEqual(
      g.ladder.x + g.ladder.w + 0.5,
    );
    expect(l.y + l.h, `"${l.text}" inside the viewport`).toBeLessThanOrEqual(viewport.height);
  }
  // Collected, then one assertion: thousands of pairs.
  const clashes: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++)
      if (overlap(texts[i]!, texts[j]!))
        clashes.push(`"${texts[i]!.text}" overlaps "${texts[j]!.text}"`);
    for (const h of g.heads)
      if (overlap(texts[i]!, h)) clashes.push(`"${texts[i]!.text}" covers an arrowhead`);
  }
  expect(clashes).toEqual([]);
}

/**
 * A loaded machine can add a row to the classic exchange (the client ACKs the server's FIN before
 * it sends its own): 23 rows must fit 720 px as well. With 22 rows here, the same squeeze is 22
 * rows in one row's height less; the viewport is put back after.
 */
async function expectFitsOneRowMore(page: Page, rows: number): Promise<void> {
  if (rows !== 22) return; // 23 already: checked at full height
  const full = page.viewportSize()!;
  await page.setViewportSize({ width: full.width, height: full.height - 26 });
  // The rows share the new height once the page has measured it.
  const lastBottom = () =>
    page
      .locator('[data-testid="ladder"] g.row > rect.bg')
      .last()
      .evaluate((r) => r.getBoundingClientRect().bottom);
  await expect.poll(lastBottom, { timeout: 5_000 }).toBeLessThanOrEqual(full.height - 26);
  await expectFits(page, 20, rows);
  await page.setViewportSize(full);
}

/** The header's items and the ladder's lane heads: none drawn over another, all on screen. */
/** Every column of the steps table inside its pane, and every row as wide as the header. */
async function expectTableFits(page: Page): Promise<void> {
  const g = await page.evaluate(() => {
    const right = (e: Element) => e.getBoundingClientRect().right;
    const shown = (e: Element) => e.getBoundingClientRect().width > 0;
    const scroller = document.querySelector('section.steps .scroller')!;
    const ths = [...scroller.querySelectorAll('thead th')].filter(shown);
    const rows = [...scroller.querySelectorAll('tr[data-testid="step-row"]')];
    return {
      edge: scroller.getBoundingClientRect().right,
      head: ths.map((th) => ({ text: th.textContent?.trim() ?? '', right: right(th) })),
      rows: rows.map((tr) => {
        const tds = [...tr.children].filter(shown);
        return { no: tr.getAttribute('data-record'), cells: tds.length, right: right(tds.at(-1)!) };
      }),
    };
  });
  expect(g.rows.length).toBeGreaterThan(0);
  for (const th of g.head)
    expect(th.right, `column ${th.text} inside the pane`).toBeLessThanOrEqual(g.edge + 1);
  const headRight = g.head.at(-1)!.right;
  for (const r of g.rows) {
    expect(r.cells, `row ${r.no} has a cell under every column`).toBe(g.head.length);
    expect(Math.abs(r.right - headRight), `row ${r.no} ends with the header`).toBeLessThan(1);
  }
}

async function expectClearHeads(page: Page): Promise<void> {
  const g = await page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, text: e.textContent?.trim() ?? '' };
    };
    const bar = document.querySelector('header.bar')!;
    return {
      items: [...bar.children].filter((e) => e.getBoundingClientRect().width > 2).map(box),
      dl: box(bar.querySelector('dl')!),
      capture: bar.querySelector('[data-testid="capture-status"]')!.getAttribute('data-state'),
      captureState: box(bar.querySelector('[data-testid="capture-status"] .state')!),
      lanes: [...document.querySelectorAll('[data-testid="lane"]')].map(box),
      ladder: box(document.querySelector('section.ladder')!),
    };
  });
  const width = page.viewportSize()!.width;
  for (const [i, a] of g.items.entries()) {
    expect(a.x + a.w, `header: "${a.text}" on screen`).toBeLessThanOrEqual(width + 0.5);
    for (const b of g.items.slice(i + 1))
      expect(overlap(a, b), `header: "${a.text}" overlaps "${b.text}"`).toBe(false);
  }
  // A running capture always says so (the echo address gives way first).
  if (g.capture === 'running') {
    expect(g.captureState.w).toBeGreaterThan(0);
    expect(g.captureState.x + g.captureState.w).toBeLessThanOrEqual(g.dl.x + g.dl.w + 0.5);
  }
  expect(g.lanes.length).toBeGreaterThanOrEqual(2);
  for (const [i, a] of g.lanes.entries()) {
    expect(a.x, `lane head "${a.text}" inside the ladder`).toBeGreaterThanOrEqual(g.ladder.x);
    expect(a.x + a.w, `lane head "${a.text}" inside the ladder`).toBeLessThanOrEqual(
      g.ladder.x + g.ladder.w + 0.5,
    );
    for (const b of g.lanes.slice(i + 1))
      expect(overlap(a, b), `lane head "${a.text}" overlaps "${b.text}"`).toBe(false);
  }
}

/** The fonts Chromium drew an element's text with (CSS.getPlatformFontsForNode). */
async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  expect(nodeId, `${selector} is on the page`).toBeGreaterThan(0);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

/**
 * Every Chinese text is drawn with the shipped Noto Sans SC, none with a fallback's boxes: the
 * table's No. header, the lane titles (bold), a phase name (SVG), the header's words.
 */
async function expectNotoEverywhere(page: Page): Promise<void> {
  for (const selector of [
    'table[role="grid"] thead th.num',
    '[data-testid="lane"][data-role="client"] b',
    '[data-testid="lane"][data-role="server"] b',
    '[data-phase-name="setup"]',
    'header.bar dl > div:nth-child(2) dt',
    '[data-testid="connection-status"] .word',
  ])
    // A slice of the font loads once its characters first show: give it time to arrive.
    await expect
      .poll(
        async () => {
          const fonts = await fontsOf(page, selector);
          return fonts.length > 0 && fonts.every((f) => f.startsWith('Noto Sans SC'));
        },
        { message: `${selector} drawn with Noto Sans SC`, timeout: 10_000 },
      )
      .toBe(true);
}

test('1280×720 projector mode: the whole classic exchange fits, labels ≥ 20 px, none overlapping', async ({
  page,
}) => {
  const rows = await classicExchange(page);
  const toggle = page.getByTestId('projector-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // Normal mode: text 16 px, state labels 14 px.
  await expectFits(page, 14, rows);
  await expectClearHeads(page);
  await expectTableFits(page);
  await page.screenshot({ path: 'docs/screenshot-1280x720.png' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('capture-status')).toContainText('running');
  await expectFits(page, 20, rows);
  await expectClearHeads(page);
  await expectFitsOneRowMore(page, rows);
  await page.locator('body').press('ArrowRight'); // the first step, selected and explained
  await expect(page.getByTestId('explanation')).not.toBeEmpty();
  await page.screenshot({ path: 'docs/projector-1280x720.png' });
});

test('1920×1080 projector mode: still one screen, rows taller', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const rows = await classicExchange(page);
  await page.getByTestId('projector-toggle').click();
  await expectFits(page, 20, rows);
  await expectClearHeads(page);
  await expectTableFits(page);
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
  const rows = await classicExchange(page);
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('projector-toggle')).toHaveText('投影模式');
  // Drawn with the shipped font both when switched to and when loaded in Chinese.
  await expectNotoEverywhere(page);
  await page.reload();
  await expect(page.getByTestId('ladder').locator('[data-phase-name="setup"]')).toHaveText(/建立/);
  await expectNotoEverywhere(page);
  await page.getByTestId('projector-toggle').click();
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
  await expectFits(page, 20, rows);
  await expectClearHeads(page);
  await expectFitsOneRowMore(page, rows);
  // Slices of the font load as their characters first show: let them arrive.
  await page.waitForTimeout(1000);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: 'docs/projector-zh.png' });
});

test('steps only, states derived from the calls: lane heads and labels clear of each other', async ({
  page,
}) => {
  // No capture: every state is derived from a socket call and sits beside its pill.
  await page.goto('/');
  await page.getByTestId('show-filter').selectOption('steps');
  await page.getByTestId('send-message').fill('hello, I am A');
  await page.getByTestId('send-button').click();
  const ladder = page.getByTestId('ladder');
  await expect(ladder.locator('[data-step="close"]')).toHaveCount(2);
  await expect(ladder.locator('g.row')).toHaveCount(12);
  await expect(ladder.locator('[data-state-mark][data-derived="true"]').first()).toBeVisible();
  await page.getByTestId('projector-toggle').click();
  for (const lang of ['en', 'zh-CN']) {
    await page.getByTestId('language').selectOption(lang);
    await page.evaluate(() => document.fonts.ready);
    await expectFits(page, 20, 12);
    await expectClearHeads(page);
  }
  // The lifelines keep their distance: more than a fifth of the drawing (wide labels beside
  // pills once pushed them within a sixth).
  const xs = await ladder.evaluate(() =>
    [...document.querySelectorAll('[data-testid="lane"]')].map(
      (l) => l.getBoundingClientRect().x + l.getBoundingClientRect().width / 2,
    ),
  );
  const lines = await ladder
    .locator('line.lifeline')
    .evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().x));
  expect(xs).toHaveLength(2);
  expect(lines[1]! - lines[0]!).toBeGreaterThan((await ladder.boundingBox())!.width / 5);
  await page.screenshot({ path: test.info().outputPath('projector-steps-zh.png') });
});

test('analysis markers in projector mode: text ≥ 20 px, boxes as tall, clear of the labels', async ({
  page,
}) => {
  // A capture file with duplicate ACKs and a fast retransmission.
  const s = flagScenarios.find((f) => f.name.startsWith('fast retransmission'))!;
  await page.goto('/');
  await page.getByTestId('projector-toggle').click();
  await page.getByTestId('more-toggle').click();
  await page.getByTestId('open-file').setInputFiles({
    name: 'fast-retransmission.pcap',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(writePcap(s.packets)),
  });
  const markers = page.getByTestId('ladder').locator('[data-marker]');
  await expect(markers).toHaveCount(3);
  await page.getByTestId('more-toggle').click();
  for (const m of await markers.all()) {
    const size = await m.locator('text').evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    expect((await m.locator('rect').boundingBox())!.height).toBeGreaterThanOrEqual(20);
  }
  await expectFits(page, 20, s.packets.length);
});
