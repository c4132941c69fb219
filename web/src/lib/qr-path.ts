/** A QR code as one SVG path: a unit square per dark module, drawn by the page itself. */
import { encode } from 'uqr';

export interface QrDrawing {
  /** Modules per side, quiet zone included (the SVG viewBox). */
  size: number;
  /** Path data: one `M x y h1 v1 h-1 z` per dark module, horizontal runs merged. */
  path: string;
}

/** Medium error correction: survives a projector's glare and a phone held at an angle. */
export function qrDrawing(text: string): QrDrawing {
  const qr = encode(text, { ecc: 'M', border: 2 });
  const parts: string[] = [];
  qr.data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return { size: qr.size, path: parts.join('') };
}
