/** Time texts of the ladder and table: seconds since the session start, and gaps between rows. */

/** Microseconds since `startUs` as seconds with 3 decimals: `1.204`. */
export function formatSeconds(timeUs: number, startUs: number): string {
  return ((timeUs - startUs) / 1e6).toFixed(3);
}

/** A gap in microseconds in the unit that keeps it readable: `+85 µs`, `+1.204 ms`, `+2.500 s`. */
export function formatDelta(deltaUs: number | null): string {
  if (deltaUs === null) return '';
  const sign = deltaUs < 0 ? '−' : '+';
  const abs = Math.abs(deltaUs);
  if (abs < 1000) return `${sign}${Math.round(abs)} µs`;
  if (abs < 1e6) return `${sign}${(abs / 1000).toFixed(3)} ms`;
  return `${sign}${(abs / 1e6).toFixed(3)} s`;
}

/** A duration in microseconds without sign: `420 µs`, `1.2 ms`. */
export function formatDuration(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1e6) return `${(us / 1000).toFixed(1)} ms`;
  return `${(us / 1e6).toFixed(2)} s`;
}

/** A gap in at most 6 characters, for the ladder's Δt column: `+78µs`, `+8.3ms`, `+13ms`, `+2.50s`. */
export function formatDeltaShort(deltaUs: number | null): string {
  if (deltaUs === null) return '';
  const sign = deltaUs < 0 ? '−' : '+';
  const abs = Math.abs(deltaUs);
  if (abs < 1000) return `${sign}${Math.round(abs)}µs`;
  if (abs < 9950) return `${sign}${(abs / 1000).toFixed(1)}ms`;
  if (abs < 999_500) return `${sign}${Math.round(abs / 1000)}ms`;
  if (abs < 9_995_000) return `${sign}${(abs / 1e6).toFixed(2)}s`;
  if (abs < 99_950_000) return `${sign}${(abs / 1e6).toFixed(1)}s`;
  return `${sign}${Math.round(abs / 1e6)}s`;
}
