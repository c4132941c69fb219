/**
 * Benchmark module of `npm run bench`: the live page under a class's traffic. A real server
 * (in this process) whose live session already holds HISTORY records, a real headless Chromium on
 * its page (following the newest conversation, as a projector does), then STEPS_PER_S socket
 * steps a second arriving for MEASURE_S seconds. In the page, a MutationObserver notes when each
 * record's row (ladder or table) appears and a requestAnimationFrame loop stamps it at the next
 * frame and counts frames: live_p50_ms / live_p99_ms are "step's time → its row drawn", live_fps
 * the frames a second meanwhile. Then a CPU profile of the page under the same load says where
 * its time goes (printed to the log).
 */
import type { BenchRow } from './bench-row.ts';
import { startApp, type App } from '../server/app.ts';
import { parseServeArgs } from '../server/cli/serve-args.ts';
import { ClassTraffic } from './class-traffic.ts';
import { ensurePageBuilt, launchChromium, percentile } from './page-browser.ts';
import { profileSummary } from './page-profile.ts';

const HISTORY = Number(process.env.BENCH_LIVE_HISTORY ?? 1_000_000);
const STEPS_PER_S = 1000;
const WARMUP_S = 3;
const MEASURE_S = 10;
const PROFILE_S = 3;

const log = (line: string) => process.stderr.write(`${line}\n`);
const tick = () => new Promise((r) => setImmediate(r));

/** The history: exchanges already over, one step a millisecond up to a minute ago. */
async function fillHistory(app: App, traffic: ClassTraffic): Promise<void> {
  const start = Date.now() * 1000 - 60e6 - HISTORY * 1000;
  for (let n = 0; n < HISTORY; n++) {
    app.live.append(traffic.step(n, start + n * 1000));
    if (n % 20_000 === 0) await tick(); // let the hub flush its batches
  }
}

/** Appends steps at STEPS_PER_S from now on; returns each record's number → time (ms) and stop. */
function feedLive(app: App, traffic: ClassTraffic, first: number) {
  const times = new Map<number, number>();
  const began = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - began) / 1000) * STEPS_PER_S);
    for (; sent < due; sent++) {
      const now = Date.now();
      const r = app.live.append(traffic.step(first + sent, now * 1000));
      times.set(r.recNo, now);
    }
  }, 5);
  return { times, stop: () => clearInterval(timer), sent: () => sent };
}

/**
 * Installed in the page: rows seen (record number → wall ms at the next frame) and frames. Plain
 * JavaScript text, so the bundler's helpers never end up in the page.
 */
const WATCH_ROWS = `(() => {
  const seen = (window.seen = new Map());
  const frames = (window.frames_ = []);
  const pending = new Set();
  function note(el) {
    const n = Number(el.getAttribute('data-record'));
    if (n > 0 && !seen.has(n)) pending.add(n);
  }
  new MutationObserver(function (list) {
    for (const m of list) {
      if (m.type === 'attributes') note(m.target);
      for (const node of m.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.hasAttribute('data-record')) note(node);
        for (const el of node.querySelectorAll('[data-record]')) note(el);
      }
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-record'] });
  function frame() {
    const now = Date.now();
    frames.push(now);
    for (const n of pending) seen.set(n, now);
    pending.clear();
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})()`;

export async function rows(keys: readonly string[]): Promise<BenchRow[]> {
  ensurePageBuilt(log);
  const app = await startApp({
    ...parseServeArgs([
      '--port',
      '0',
      '--echo-port',
      '0',
      '--max-records',
      String(Math.max(HISTORY + 100_000, 1000)),
    ]),
    log: () => undefined,
  });
  const browser = await launchChromium();
  try {
    const traffic = new ClassTraffic(30);
    const filled = performance.now();
    await fillHistory(app, traffic);
    const rss = process.memoryUsage().rss / 2 ** 20;
    log(
      `bench: live session holds ${app.live.info().lastRecNo.toLocaleString('en-US')} records ` +
        `(${((performance.now() - filled) / 1000).toFixed(1)} s to fill, server RSS ${rss.toFixed(0)} MB)`,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const opened = performance.now();
    await page.goto(app.url);
    await page.locator('[data-testid="step-row"]').first().waitFor({ timeout: 120_000 });
    log(
      `bench: page shows the newest conversation ${(performance.now() - opened).toFixed(0)} ms after opening`,
    );
    await page.evaluate(WATCH_ROWS);

    const feed = feedLive(app, traffic, HISTORY);
    await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
    const from = Date.now();
    await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
    const to = Date.now();
    const got = (await page.evaluate('({ seen: [...window.seen], frames: window.frames_ })')) as {
      seen: [number, number][];
      frames: number[];
    };
    const latencies: number[] = [];
    for (const [recNo, seenAt] of got.seen) {
      const t = feed.times.get(recNo);
      if (t !== undefined && t >= from && t < to) latencies.push(seenAt - t);
    }
    const frames = got.frames.filter((f) => f >= from && f < to).length;
    const fps = frames / ((to - from) / 1000);
    const sentInWindow = [...feed.times.values()].filter((t) => t >= from && t < to).length;
    log(
      `bench: ${sentInWindow} steps sent in ${MEASURE_S} s, ${latencies.length} of them drawn ` +
        `(the others belonged to conversations the view had already left)`,
    );

    const profile = await profileSummary(page, PROFILE_S * 1000);
    log(`bench: where the page's time goes at ${STEPS_PER_S} steps/s (self time, ${PROFILE_S} s):`);
    for (const line of profile) log(`  ${line}`);
    feed.stop();

    const held = `${HISTORY.toLocaleString('en-US')} records held by the server, the page keeps the newest`;
    const out: BenchRow[] = [
      {
        key: 'live_p50_ms',
        figure: Math.round(percentile(latencies, 50)),
        unit: 'ms',
        target: 100,
        kind: 'atMost',
        reference: `${held}; ${latencies.length} steps drawn`,
      },
      {
        key: 'live_p99_ms',
        figure: Math.round(percentile(latencies, 99)),
        unit: 'ms',
        target: 100,
        kind: 'atMost',
        reference: `first measured p99 10.4 s (20,000 held, before the O(batch) store)`,
      },
      {
        key: 'live_fps',
        figure: Math.round(fps),
        unit: 'fps',
        target: 50,
        kind: 'atLeast',
        reference: `first measured 11 fps`,
      },
    ];
    return out.filter((r) => keys.includes(r.key));
  } finally {
    await browser.close();
    await app.close();
  }
}
