import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { qrDrawing } from './qr-path.ts';

/** Rasterises the path (only `M x y h n v1 h-n z` runs) at `scale` pixels per module, RGBA. */
function raster(size: number, path: string, scale: number): Uint8ClampedArray {
  const w = size * scale;
  const px = new Uint8ClampedArray(w * w * 4).fill(255);
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x0, y, n] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let yy = y * scale; yy < (y + 1) * scale; yy++)
      for (let xx = x0 * scale; xx < (x0 + n) * scale; xx++)
        px.fill(0, (yy * w + xx) * 4, (yy * w + xx) * 4 + 3);
  }
  return px;
}

describe('qrDrawing', () => {
  for (const url of ['http://192.168.1.20:8080/', 'http://[2001:db8::20]:18090/']) {
    it(`decodes back to ${url}`, () => {
      const { size, path } = qrDrawing(url);
      const scale = 4;
      const decoded = jsQR(raster(size, path, scale), size * scale, size * scale);
      expect(decoded?.data).toBe(url);
    });
  }

  it('draws only whole runs of modules', () => {
    const { path } = qrDrawing('http://127.0.0.1:8080/');
    expect(path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  });
});
