/**
 * Web-font slices arriving after text was drawn. Chromium keeps drawing such text with the
 * fallback's boxes (Noto Sans SC's unicode-range slices, on a machine without CJK fonts: the
 * table's No. header and the lane titles stayed as boxes); a new font description makes it
 * shape the text again, so each arrival sets an OpenType feature no font has, with a new value
 * (no glyph changes). Widths measured before are measured again: `fontEpoch` counts arrivals.
 */
import { clearMeasures } from './ladder-measure.ts';

export const fontEpoch = $state({ n: 0 });

export function reshapeOnFontLoad(doc: Document): void {
  let queued = false;
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
