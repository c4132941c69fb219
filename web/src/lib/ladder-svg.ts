/**
 * The ladder as drawn, as one self-contained SVG file: the lane heads (HTML on the page) become
 * SVG text above a copy of the drawing, each element's computed style is written into it (no
 * stylesheet needed), and the Noto Sans SC slices its text uses are embedded as base64
 * `@font-face` rules. All text is set in that embedded font, Latin included: the page's Latin
 * comes from system fonts a page cannot read, and one embedded font looks the same anywhere.
 */
import { embeddedFonts, FAMILY } from './embedded-fonts.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Properties copied from the page's computed style onto each element of the copy. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
] as const;

export interface LadderPicture {
  svg: string;
  width: number;
  height: number;
}

/** The SVG of `drawing` (the ladder's svg) under its lane heads `lanes`. */
export async function ladderSvg(
  drawing: SVGSVGElement,
  lanes: HTMLElement,
): Promise<LadderPicture> {
  const width = drawing.width.baseVal.value;
  const headHeight = Math.round(lanes.getBoundingClientRect().height);
  const height = headHeight + drawing.height.baseVal.value;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', `'${FAMILY}', sans-serif`);

  const background = rect(0, 0, width, height, getComputedStyle(drawing).backgroundColor, '#fff');
  const head = laneHeads(lanes, width, headHeight);
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0,${headHeight})`);
  const copy = drawing.cloneNode(true) as SVGSVGElement;
  inlineStyles(drawing, copy);
  body.append(...copy.childNodes);
  root.append(background, head, body);

  const text = root.textContent ?? '';
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = await embeddedFonts(text);
  root.prepend(style);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Times the drawing is taken again while the image's embedded fonts may still be loading. */
const SETTLE_TRIES = 20;
const SETTLE_MS = 100;

/**
 * Draws `picture` on a canvas at `scale` (2: sharp on a projector) and returns it as PNG. The
 * fonts embedded in an SVG image load after the image itself, and its text shows only once they
 * have: the drawing is taken again until two in a row are the same.
 */
export async function ladderPng(picture: LadderPicture, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('No 2D canvas.');
    ctx.scale(scale, scale);
    let last: Uint8ClampedArray | null = null;
    for (let i = 0; i < SETTLE_TRIES; i++) {
      ctx.clearRect(0, 0, picture.width, picture.height);
      ctx.drawImage(img, 0, 0, picture.width, picture.height);
      const now = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      if (last && same(last, now)) break;
      last = now;
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('No PNG.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function same(a: Uint8ClampedArray, b: Uint8ClampedArray): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length >> 2);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length >> 2);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function rect(x: number, y: number, w: number, h: number, fill: string, fallback: string) {
  const r = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of [
    ['x', x],
    ['y', y],
    ['width', w],
    ['height', h],
  ] as const)
    r.setAttribute(k, String(v));
  r.setAttribute('fill', fill === 'rgba(0, 0, 0, 0)' || !fill ? fallback : fill);
  return r;
}

/** The lane heads' text where the page shows it, with its colour, size and weight. */
function laneHeads(lanes: HTMLElement, width: number, height: number): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  const box = lanes.getBoundingClientRect();
  const style = getComputedStyle(lanes);
  g.append(rect(0, 0, width, height, style.backgroundColor, '#fff'));
  const border = document.createElementNS(SVG_NS, 'line');
  border.setAttribute('x1', '0');
  border.setAttribute('x2', String(width));
  border.setAttribute('y1', String(height - 0.5));
  border.setAttribute('y2', String(height - 0.5));
  border.setAttribute('stroke', style.borderBottomColor);
  g.append(border);
  // Every run of text: the leaves of the head (role, address, the time columns' title).
  const walker = document.createTreeWalker(lanes, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const value = n.textContent?.trim();
    const el = n.parentElement;
    if (!value || !el || el.closest('button')) continue;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(Math.round(r.left - box.left)));
    t.setAttribute('y', String(Math.round(r.top - box.top + r.height / 2)));
    t.setAttribute('dominant-baseline', 'central');
    t.setAttribute('fill', s.color);
    t.setAttribute('font-size', s.fontSize);
    t.setAttribute('font-weight', s.fontWeight);
    t.textContent = value;
    g.append(t);
  }
  return g;
}

/** Writes the computed style of each element of `from` onto the same element of `to`. */
function inlineStyles(from: Element, to: Element): void {
  const a = [from, ...from.querySelectorAll('*')];
  const b = [to, ...to.querySelectorAll('*')];
  a.forEach((el, i) => {
    const target = b[i]!;
    const s = getComputedStyle(el);
    if (s.display === 'none') {
      target.remove();
      return;
    }
    const decl = STYLE_PROPS.map((p) => `${p}:${s.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', decl);
    target.removeAttribute('class');
    for (const attr of [...target.attributes])
      if (attr.name === 'tabindex' || attr.name.startsWith('aria-') || attr.name === 'role')
        target.removeAttribute(attr.name);
  });
}
