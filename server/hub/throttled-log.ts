/**
 * One log line per refusal, but never a flood: at most `max` lines per `windowMs`, then one line
 * saying how many were left out. A client sending thousands of bad messages cannot fill the log.
 */
export type LogLine = (line: string) => void;

export function throttledLog(write: LogLine, max = 20, windowMs = 10_000): LogLine {
  let windowStart = -Infinity;
  let shown = 0;
  let skipped = 0;
  return (line) => {
    const now = performance.now();
    if (now - windowStart >= windowMs) {
      if (skipped > 0)
        write(`(${skipped} more refusals in the last ${windowMs / 1000} s not shown)`);
      windowStart = now;
      shown = 0;
      skipped = 0;
    }
    if (shown < max) {
      shown++;
      write(line);
    } else skipped++;
  };
}
