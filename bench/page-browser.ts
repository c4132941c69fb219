/**
 * Headless Chromium for the page benchmarks, launched like the e2e specs (Debian's Chromium, no
 * GPU, every host name but 127.0.0.1 unresolvable so nothing leaves loopback), and the built page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium-launch.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** Builds the page into dist/ when it is not there (the server serves it from there). */
export function ensurePageBuilt(log: (line: string) => void): void {
  if (existsSync(`${ROOT}/dist/index.html`)) return;
  log('bench: building the page (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
}

/** Percentile `p` (0…100) of `values` (sorted here), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
