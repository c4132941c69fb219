/**
 * Web-font slices arriving after text was drawn. Chromium keeps drawing such text with the
 * fallback's boxes (Noto Sans SC's unicode-range slices, on a machine without CJK fonts: the
 * table's No. header and the lane titles stayed as boxes); a new font description makes it
 * shape the text again, so each arrival sets an OpenType feature no font has, with a new value
 * (no glyph changes). Widths measured before are measured again: `fontEpoch` counts arrivals.
 */
import { clearMeasures } from './ladder-measure.ts';

export const fontEpoch = $state({ n: 0 });

let queued = false;

export function reshapeOnFontLoad(doc: Document): void {
  const arrived = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      clearMeasures();
      fontEpoch.n += 1;
      doc.documentElement.style.fontFeatureSettings = `"xrsh" ${fontEpoch.n}`;
    });
  };
  // Every face of the page's stylesheets (each slice is one), whenever it is first used.
  doc.fonts?.forEach((face) => void face.loaded.then(arrived, () => undefined));
}

/**
 * Loads the Noto Sans SC slices (both weights) that `text` needs, so text switched to Chinese is
 * drawn with its glyphs from the first frame: Chromium may keep drawing boxes for text drawn
 * before its slice arrived. Resolves when they are there, or after `waitMs` at most.
 */
export function loadGlyphs(doc: Document, text: string, waitMs = 3000): Promise<void> {
  const fonts = doc.fonts;
  if (!fonts) return Promise.resolve();
  const loads = [400, 700].map((w) =>
    fonts.load(`${w} 16px "Noto Sans SC"`, text).catch(() => undefined),
  );
  return Promise.race([
    Promise.all(loads).then(() => undefined),
    new Promise<void>((r) => setTimeout(r, waitMs)),
  ]);
}
