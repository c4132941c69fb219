/**
 * A CSS `unicode-range` (`U+0000-00FF, U+0131, U+4??`) as code point spans, and whether one
 * covers a code point: which web-font slices a text needs. @see CSS Fonts 4 §4.5
 */

/** Inclusive [first, last] code points. */
export type CodeSpan = readonly [number, number];

export function parseUnicodeRange(range: string): CodeSpan[] {
  const spans: CodeSpan[] = [];
  for (const part of range.split(',')) {
    const m = /^\s*u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!m) continue;
    const [, from, to] = m;
    if (from!.includes('?')) {
      spans.push([
        parseInt(from!.replace(/\?/g, '0'), 16),
        parseInt(from!.replace(/\?/g, 'f'), 16),
      ]);
    } else {
      const first = parseInt(from!, 16);
      spans.push([first, to === undefined ? first : parseInt(to, 16)]);
    }
  }
  return spans;
}

/** Whether any of `codePoints` falls in `spans` (an empty range covers everything). */
export function coversAny(spans: readonly CodeSpan[], codePoints: ReadonlySet<number>): boolean {
  if (spans.length === 0) return codePoints.size > 0;
  for (const cp of codePoints) for (const [a, b] of spans) if (cp >= a && cp <= b) return true;
  return false;
}
