import { describe, expect, it } from 'vitest';
import { replayAction } from './replay-keys.ts';

describe('replayAction', () => {
  it.each([
    { key: 'ArrowRight', tag: 'BODY', expected: 'next' },
    { key: 'PageDown', tag: 'BUTTON', expected: 'next' },
    { key: 'ArrowLeft', tag: 'TABLE', expected: 'prev' },
    { key: 'PageUp', tag: 'BODY', expected: 'prev' },
    { key: ' ', tag: 'BUTTON', expected: 'toggle' },
    { key: 'Home', tag: 'BODY', expected: 'first' },
    { key: 'End', tag: 'svg', expected: 'last' },
    { key: 'ArrowDown', tag: 'BODY', expected: null },
    { key: 'a', tag: 'BODY', expected: null },
    { key: 'ArrowRight', tag: 'INPUT', expected: null },
    { key: ' ', tag: 'TEXTAREA', expected: null },
    { key: 'End', tag: 'SELECT', expected: null },
  ])('$key on $tag → $expected', ({ key, tag, expected }) => {
    expect(replayAction({ key }, { tagName: tag })).toBe(expected);
  });

  it('leaves modified keys and editable elements alone', () => {
    expect(replayAction({ key: 'ArrowRight', altKey: true }, null)).toBeNull();
    expect(replayAction({ key: 'Home', ctrlKey: true }, null)).toBeNull();
    expect(replayAction({ key: ' ' }, { tagName: 'DIV', isContentEditable: true })).toBeNull();
    expect(replayAction({ key: 'End' }, null)).toBe('last');
  });
});
