/**
 * Saving the ladder as drawn, as SVG or PNG (2×, for projectors and slides): every row is drawn
 * for the moment of the export (not only those near the viewport), then the picture is made
 * from the page's own drawing and handed to the browser as a download.
 */
import { tick } from 'svelte';
import { downloadBlob } from './download-blob.ts';
import { ladderPng, ladderSvg } from './ladder-svg.ts';

/** The picture formats made in the page. */
export type PictureFormat =
  | 'svg' // self-contained SVG: styles inline, fonts embedded
  | 'png'; // PNG rendered from that SVG at 2×

/** Set while a picture is made: the ladder draws all its rows. */
export const ladderExport = $state({ whole: false });

/** Makes the picture of the ladder on the page and downloads it as `<name>.<format>`. */
export async function exportLadder(format: PictureFormat, name: string): Promise<void> {
  ladderExport.whole = true;
  try {
    await tick();
    const drawing = document.querySelector<SVGSVGElement>('svg[data-testid="ladder"]');
    const lanes = document.querySelector<HTMLElement>('[data-testid="ladder-lanes"]');
    if (!drawing || !lanes) return;
    const picture = await ladderSvg(drawing, lanes);
    const file = `${name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'ladder'}.${format}`;
    const blob =
      format === 'svg'
        ? new Blob([picture.svg], { type: 'image/svg+xml' })
        : await ladderPng(picture, 2);
    downloadBlob(blob, file);
  } finally {
    ladderExport.whole = false;
  }
}
