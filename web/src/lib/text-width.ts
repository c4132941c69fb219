/** How many Latin characters' width a text takes: CJK and full-width characters count about 1.6. */

const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** `text`'s width in units of one Latin character (of a font where CJK is 1 em, Latin ~0.6). */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 1.6 : 1;
  return n;
}
