/**
 * A live session longer than the page holds: scrolling "All records" back through it while
 * records keep arriving. The records the page never held come from the server by range, the row
 * looked at stays where it is through every move and every arrival, the views do no work for
 * records arriving out of sight, and the way back down brings in what arrived meanwhile.
 */
import net from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { ECHO_PORT } from './ports.ts';

/** More than the page takes on joining (10,000 newest) and than "All records" shows at once. */
const HISTORY = 16_000;

/**
 * One exchange with the TCP echo endpoint, as a student's client makes it, from 127.0.0.2 (a
 * machine of its own): the thousands of conversations made here stay apart from the 127.0.0.1
 * clients of the other specs on the same server. A client port the kernel hands out again is
 * still a new conversation (`#2`, see core/conversation-names.ts), as reused-port.spec.ts shows.
 */
function exchange(message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port: ECHO_PORT, host: '127.0.0.1', localAddress: '127.0.0.2' }, () =>
      s.write(message),
    );
    s.setTimeout(15_000, () => s.destroy(new Error(`no reply to "${message}"`)));
    s.on('data', () => undefined);
    s.on('end', () => s.end());
    s.on('close', () => resolve());
    s.on('error', reject);
  });
}

async function liveSpan(page: Page): Promise<{ first: number; last: number }> {
  const list = (await (await page.request.get('/api/sessions')).json()) as {
    kind: string;
    firstRecNo: number;
    lastRecNo: number;
  }[];
  const live = list.find((s) => s.kind === 'live')!;
  return { first: live.firstRecNo, last: live.lastRecNo };
}

/** The record of the table row at `y` px below the top of the table's scroll pane. */
function recordAt(page: Page, y: number): Promise<number | null> {
  return page.locator('section.steps .scroller').evaluate((el, dy) => {
    const box = el.getBoundingClientRect();
    const row = document
      .elementFromPoint(box.left + 20, box.top + dy)
      ?.closest('[data-testid="step-row"]');
    return row ? Number(row.getAttribute('data-record')) : null;
  }, y);
}

/** Record numbers of the table rows drawn now. */
function drawnRecords(page: Page): Promise<number[]> {
  return page
    .getByTestId('step-row')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-record'))));
}

test('a long live history scrolls back to its first record while records keep arriving', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The history: exchanges 16 at a time until the live session holds HISTORY records.
  for (let n = 0; ; n += 16) {
    const { first, last } = await liveSpan(page);
    if (last - first + 1 >= HISTORY) break;
    expect(n, 'exchanges made for the history').toBeLessThan(5000);
    await Promise.all(Array.from({ length: 16 }, (_, k) => exchange(`history ${n + k}`)));
  }

  await page.goto('/');
  await page.locator('[data-testid="conversation"][data-conv="all"]').click();
  const { first, last: joined } = await liveSpan(page);
  await expect(page.locator(`[data-testid="step-row"][data-record="${joined}"]`)).toBeAttached();
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);

  // Records keep arriving: a student's exchange every 200 ms, all along.
  let arriving = 0;
  let inFlight = 0;
  const failures: unknown[] = [];
  const timer = setInterval(() => {
    if (arriving >= 600) return;
    inFlight++;
    exchange(`while scrolling ${arriving++}`)
      .catch((e) => failures.push(e))
      .finally(() => inFlight--);
  }, 200);
  try {
    const scroller = page.locator('section.steps .scroller');
    const at = 160; // px below the pane's top: a row under the column heads
    // Up through the top edge, again and again: each time the records before come in (from the
    // server, for those the page never held) and the row looked at stays where it was.
    let moves = 0;
    for (;;) {
      await scroller.evaluate((el) => (el.scrollTop = 700)); // near the top, not at its edge yet
      await expect.poll(() => recordAt(page, at)).not.toBeNull();
      // The table starts at the first record when the row looked at is as many rows below it
      // as it is below the table's top (the rows are consecutive records; a page of records
      // before would put thousands between), whichever rows the table happens to draw around.
      const looked = await scroller.evaluate((el, dy) => {
        const box = el.getBoundingClientRect();
        const row = document
          .elementFromPoint(box.left + 20, box.top + dy)
          ?.closest('[data-testid="step-row"]');
        return row
          ? {
              recNo: Number(row.getAttribute('data-record')),
              h: row.getBoundingClientRect().height,
            }
          : null;
      }, at);
      expect(looked, 'a row under the column heads').not.toBeNull();
      if (looked!.recNo - first <= (700 + at) / looked!.h) break;
      expect(moves++, 'moves back to the first record').toBeLessThan(10);
      // Into the top edge: the row under `at` now is the one that must stay there.
      const anchor = await scroller.evaluate((el, dy) => {
        el.scrollTop = 600 - dy;
        const box = el.getBoundingClientRect();
        const row = document
          .elementFromPoint(box.left + 20, box.top + dy)
          ?.closest('[data-testid="step-row"]');
        const r = row!.getBoundingClientRect();
        return { recNo: row!.getAttribute('data-record')!, y: r.top, h: r.height };
      }, at);
      // The records before came in above: the pane scrolled down by as many rows as came, and
      // the anchor row is where it was, however many records arrived meanwhile. Within a few
      // rows: the table places rows by one observed row height, and some rows are taller.
      await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(2000);
      const moved = () =>
        page.evaluate((a) => {
          const row = document.querySelector(`[data-testid="step-row"][data-record="${a.recNo}"]`);
          return row ? Math.abs(row.getBoundingClientRect().top - a.y) : null;
        }, anchor);
      await expect.poll(moved).toBeLessThan(4 * anchor.h);
    }
    // The page joined with the newest 10,000: the first records came from the server by range.
    expect(moves, 'moves back to the first record').toBeGreaterThan(1);
    const drawn = await drawnRecords(page);
    expect(Math.max(...drawn) - Math.min(...drawn) + 1, 'no record missing or twice').toBe(
      new Set(drawn).size,
    );

    // At the first record, records still arriving: the view stays put, and no row of the table
    // or the ladder comes, goes or shows another record (a TIME_WAIT countdown may tick).
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await expect(page.locator(`[data-testid="step-row"][data-record="${first}"]`)).toBeInViewport();
    const still = await recordAt(page, at);
    await page.evaluate(() => {
      const w = window as unknown as { viewChanges: number };
      w.viewChanges = 0;
      const seen = new MutationObserver((list) => (w.viewChanges += list.length));
      for (const el of document.querySelectorAll('section.steps tbody, [data-testid="ladder"]'))
        seen.observe(el, { subtree: true, childList: true, attributeFilter: ['data-record'] });
    });
    const strip = page.getByTestId('conversation-strip');
    const convs = Number(await strip.getAttribute('data-count'));
    await expect
      .poll(async () => Number(await strip.getAttribute('data-count')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(convs + 5);
    expect(await recordAt(page, at)).toBe(still);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { viewChanges: number }).viewChanges),
    ).toBe(0);

    // Only what is on screen is in the page, however far back it went.
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(
      nodes * 1.5,
    );

    // Back down through the bottom edge: the records that arrived meanwhile are there.
    clearInterval(timer);
    await expect.poll(() => inFlight).toBe(0);
    const { last } = await liveSpan(page);
    expect(last, 'records arrived while scrolled back').toBeGreaterThan(joined + 50);
    for (let i = 0; i < 12 && !(await drawnRecords(page)).includes(last); i++) {
      // Above the bottom edge, then down into it.
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight - el.clientHeight - 800));
      await expect.poll(() => recordAt(page, at)).not.toBeNull();
      const newest = Math.max(...(await drawnRecords(page)));
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await expect
        .poll(async () => Math.max(...(await drawnRecords(page))))
        .toBeGreaterThan(newest);
    }
    await expect(page.locator(`[data-testid="step-row"][data-record="${last}"]`)).toBeAttached();
  } finally {
    clearInterval(timer);
  }
  expect(failures).toEqual([]);
});
