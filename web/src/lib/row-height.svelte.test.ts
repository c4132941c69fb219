import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { RowHeight } from './row-height.svelte.ts';

const PITCH_ROW = 'tr[data-testid="step-row"] + tr[data-testid="step-row"]';

/** A ResizeObserver the test drives: `report(el, h)` tells its callback a border box height. */
function fakeObserver() {
  const watched = new Set<Element>();
  let callback: (entries: unknown[]) => void = () => undefined;
  class Fake {
    constructor(cb: (entries: unknown[]) => void) {
      callback = cb;
    }
    observe(el: Element) {
      watched.add(el);
    }
    unobserve(el: Element) {
      watched.delete(el);
    }
    disconnect() {
      watched.clear();
    }
  }
  vi.stubGlobal('ResizeObserver', Fake);
  return {
    watched,
    report: (el: Element, h: number) =>
      callback([{ target: el, borderBoxSize: [{ blockSize: h }], contentRect: { height: h } }]),
  };
}

function table(rows: number): HTMLElement {
  const { document } = parseHTML(
    `<table><tbody><tr class="spacer"><td></td></tr>${Array.from(
      { length: rows },
      (_, i) => `<tr data-testid="step-row" data-record="${i + 1}"><td>${i + 1}</td></tr>`,
    ).join('')}</tbody></table>`,
  );
  return document.querySelector('tbody') as unknown as HTMLElement;
}

afterEach(() => vi.unstubAllGlobals());

describe('RowHeight', () => {
  it('takes a height half a pixel off the estimate (spacers would drift 8 px every 16 rows)', () => {
    const ro = fakeObserver();
    const body = table(3);
    const h = new RowHeight(30);
    h.watch(body, PITCH_ROW);
    ro.report([...ro.watched][0]!, 29.5);
    expect(h.px).toBe(29.5);
    ro.report([...ro.watched][0]!, 29.5 + 1 / 256);
    expect(h.px).toBe(29.5);
  });

  it('watches a row after another, and another one once the row it watched is first', () => {
    const ro = fakeObserver();
    const body = table(3);
    const h = new RowHeight(30);
    h.watch(body, PITCH_ROW);
    expect([...ro.watched].map((r) => r.getAttribute('data-record'))).toEqual(['2']);
    // The window moved: row 1 is gone, row 2 now follows the spacer (half a border shorter).
    body.querySelector('[data-record="1"]')!.remove();
    h.watch(body, PITCH_ROW);
    expect([...ro.watched].map((r) => r.getAttribute('data-record'))).toEqual(['3']);
  });
});
