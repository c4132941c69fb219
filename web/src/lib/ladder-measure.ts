/**
 * Widths of the ladder's texts as the browser draws them: measured once per text and font on a
 * canvas (no layout read), so room beside the lifelines follows the real glyphs, Latin or CJK.
 * Where there is no canvas (tests, workers) an estimate from character counts stands in.
 */
import { textUnits } from './text-width.ts';

/** A font to measure in: CSS weight and style, size in px, and the family list. */
export interface MeasureFont {
  size: number;
  family: string;
  weight?: number;
  italic?: boolean;
}

let ctx: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

/** `text`'s width in px in `font`. */
export function measureText(text: string, font: MeasureFont): number {
  if (ctx === undefined)
    ctx =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx || !font.family) return textUnits(text) * font.size * 0.61;
  const css = `${font.italic ? 'italic ' : ''}${font.weight ?? 400} ${font.size}px ${font.family}`;
  const key = `${css}\n${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    ctx.font = css;
    w = ctx.measureText(text).width;
    cache.set(key, w);
  }
  return w;
}

/** The page's monospace and text families now (they change with the language). */
export function pageFamilies(): { mono: string; sans: string } {
  if (typeof document === 'undefined') return { mono: '', sans: '' };
  const root = getComputedStyle(document.documentElement);
  return { mono: root.getPropertyValue('--mono').trim(), sans: root.fontFamily };
}

/** Web fonts that arrived since draw other widths: measure again. */
export function clearMeasures(): void {
  cache.clear();
}

/** Width of a state label's box: its text in the state font (italic when derived) and padding. */
export function stateBoxWidth(text: string, derived: boolean, size: number, mono: string): number {
  const w = measureText(text, {
    size,
    family: mono,
    weight: derived ? 400 : 600,
    italic: derived,
  });
  return Math.round(w + 12);
}
