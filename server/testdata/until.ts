/**
 * Waits for a condition a test means (a page heard it, a process wrote it), polling, with a bound
 * generous enough for CI on 2 shared cores: only a condition that never comes fails, naming it.
 */
export async function until(ok: () => boolean, what = 'the condition', ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
