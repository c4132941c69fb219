/**
 * The Noto Sans SC slices a text uses, as `@font-face` rules with the font data inline (base64
 * woff2), read from the page's own stylesheets: a file that carries them looks the same anywhere.
 */
import { coversAny, parseUnicodeRange } from './unicode-range.ts';

/** The family embedded and used for all text of an exported picture. */
export const FAMILY = 'Noto Sans SC';

/** `@font-face` rules, with the font data inline, for the slices of the family `text` uses. */
export async function embeddedFonts(text: string): Promise<string> {
  const codePoints = new Set([...text].map((c) => c.codePointAt(0)!));
  const faces: CSSFontFaceRule[] = [];
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim();
      if (family !== FAMILY) continue;
      const range = parseUnicodeRange(rule.style.getPropertyValue('unicode-range'));
      if (coversAny(range, codePoints)) faces.push(rule);
    }
  }
  const css = await Promise.all(
    faces.map(async (rule) => {
      const src = /url\(["']?([^"')]+)["']?\)/.exec(rule.style.getPropertyValue('src'))?.[1];
      if (!src) return '';
      const base = rule.parentStyleSheet?.href ?? location.href;
      const bytes = new Uint8Array(await (await fetch(new URL(src, base))).arrayBuffer());
      const s = rule.style;
      return (
        `@font-face{font-family:'${FAMILY}';font-style:${s.getPropertyValue('font-style') || 'normal'};` +
        `font-weight:${s.getPropertyValue('font-weight') || '400'};` +
        `src:url(data:font/woff2;base64,${base64(bytes)}) format('woff2');` +
        `unicode-range:${s.getPropertyValue('unicode-range')}}`
      );
    }),
  );
  return css.join('\n') + `\ntext{font-family:'${FAMILY}',sans-serif}`;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
