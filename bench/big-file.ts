/**
 * Benchmark module of `npm run bench`: a 1,000,000-packet, ~100,000-conversation capture of a
 * class at the echo endpoint, opened in the page (real server for the page, real headless
 * Chromium, the file read in the page's Web Worker). big_first_draw_ms: the file chosen → its
 * first rows drawn. big_scroll_fps: frames a second while the table and then the ladder of "All
 * records" scroll by 240 px every frame (then, traced, where each frame's main-thread time goes:
 * script, style, layout, paint, garbage collection). big_heap_mb: the page's JS heap and array buffers after
 * a garbage collection, the whole file held. The last packet must be reachable: "go to packet
 * 1000000" has to select it in the table (the bench fails otherwise).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchRow } from './bench-row.ts';
import { generatePcap } from './decode-generate.ts';
import { ensurePageBuilt, launchChromium } from './page-browser.ts';
import { profileSummary } from './page-profile.ts';
import { traceLine, traceSummary } from './page-trace.ts';
import { startApp } from '../server/app.ts';
import { parseServeArgs } from '../server/cli/serve-args.ts';

const PACKETS = Number(process.env.BENCH_BIG_PACKETS ?? 1_000_000);
const SCROLL_MS = 3000;
const MB = 2 ** 20;

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Scrolls `selector` by `step` px each frame for `ms`; returns frames a second. */
function scrollFps(page: Page, selector: string, ms: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(selector)});
    el.scrollTop = 0;
    let frames = 0;
    const start = performance.now();
    function frame(now) {
      if (now - start >= ${ms}) return resolve((frames * 1000) / (now - start));
      frames++;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) el.scrollTop = 0;
      else el.scrollTop += 240;
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  })`) as Promise<number>;
}

export async function rows(keys: readonly string[]): Promise<BenchRow[]> {
  ensurePageBuilt(log);
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-big-'));
  const app = await startApp({
    ...parseServeArgs(['--port', '0', '--echo-port', '0']),
    log: () => undefined,
  });
  const browser = await launchChromium();
  try {
    const file = join(dir, 'class-1m.pcap');
    const size = generatePcap(file, PACKETS, 5, 'echo');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(app.url);
    await page.getByTestId('conversation').first().waitFor();

    const chosen = performance.now();
    await page.getByTestId('open-file').setInputFiles(file);
    await page.locator('[data-testid="step-row"]').first().waitFor({ timeout: 120_000 });
    const firstDraw = performance.now() - chosen;
    const range = page.getByTestId('file-window-range');
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-testid="file-window-range"]')
          ?.textContent?.includes(`of ${n}`),
      PACKETS,
      { timeout: 600_000, polling: 500 },
    );
    const read = performance.now() - chosen;
    const convs = await page.getByTestId('conversation-strip').getAttribute('data-count');
    log(
      `bench: ${PACKETS.toLocaleString('en-US')} packets (${(size / MB).toFixed(0)} MB, ${convs} ` +
        `conversations): first rows after ${firstDraw.toFixed(0)} ms, read whole after ` +
        `${(read / 1000).toFixed(1)} s (${await range.textContent()})`,
    );

    await page.locator('[data-testid="conversation"][data-conv="all"]').click();
    await page.locator('[data-testid="step-row"]').first().waitFor();
    const table = await scrollFps(page, 'section.steps .scroller', SCROLL_MS);
    const ladder = await scrollFps(page, 'section.ladder .scroller', SCROLL_MS);
    for (const which of ['steps', 'ladder']) {
      let frames = 0;
      const traced = await traceSummary(page, async () => {
        const fps = await scrollFps(page, `section.${which} .scroller`, SCROLL_MS);
        frames = Math.round((fps * SCROLL_MS) / 1000);
      });
      log(`bench: ${which === 'steps' ? 'table' : which} scrolling, ${traceLine(traced, frames)}`);
    }
    const [profiled] = await Promise.all([
      profileSummary(page, SCROLL_MS),
      scrollFps(page, 'section.ladder .scroller', SCROLL_MS),
    ]);
    log(`bench: where the page's time goes while the ladder scrolls (self time):`);
    for (const line of profiled) log(`  ${line}`);

    // Every packet reachable: the last one by "go to packet", shown selected in the table.
    const went = performance.now();
    await page.getByTestId('goto-packet').fill(String(PACKETS));
    await page.getByTestId('goto-go').click();
    const last = page.locator(`[data-testid="step-row"][data-record="${PACKETS}"]`);
    await last.and(page.locator('[aria-selected="true"]')).waitFor({ timeout: 60_000 });
    const gotoMs = performance.now() - went;
    log(`bench: go to packet ${PACKETS}: selected in the table after ${gotoMs.toFixed(0)} ms`);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      backingStorageSize?: number;
    };
    const heapMb = (heap.usedSize + (heap.backingStorageSize ?? 0)) / MB;
    log(
      `bench: page heap ${(heap.usedSize / MB).toFixed(0)} MB of objects + ` +
        `${((heap.backingStorageSize ?? 0) / MB).toFixed(0)} MB of array buffers`,
    );

    const file1m = `${(PACKETS / 1e6).toFixed(1)}M packets, ${convs} conversations`;
    const out: BenchRow[] = [
      {
        key: 'big_first_draw_ms',
        figure: Math.round(firstDraw),
        unit: 'ms',
        target: 2000,
        kind: 'atMost',
        reference: `${file1m}; whole file read in ${(read / 1000).toFixed(1)} s; go to packet ${PACKETS}: ${gotoMs.toFixed(0)} ms`,
      },
      {
        key: 'big_scroll_fps',
        figure: Math.round(Math.min(table, ladder)),
        unit: 'fps',
        target: 50,
        kind: 'atLeast',
        reference: `table ${table.toFixed(0)} fps, ladder ${ladder.toFixed(0)} fps (All records)`,
      },
      {
        key: 'big_heap_mb',
        figure: Math.round(heapMb),
        unit: 'MB',
        target: 400,
        kind: 'atMost',
        reference: `JS heap ${(heap.usedSize / MB).toFixed(0)} MB + array buffers, after GC`,
      },
    ];
    return out.filter((r) => keys.includes(r.key));
  } finally {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
