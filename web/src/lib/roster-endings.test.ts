import { afterEach, describe, expect, it } from 'vitest';
import { endingsText } from './roster-endings.ts';
import { setLocale } from './messages.ts';

describe('endingsText', () => {
  afterEach(() => setLocale('en'));

  it('lists the ordinary endings first, with their counts, and skips the others', () => {
    expect(endingsText({ error: 1, open: 2, 'fin-server': 3 })).toBe(
      'server closed 3 · still open 2 · socket error 1',
    );
    expect(endingsText({})).toBe('');
  });

  it('speaks the page language', () => {
    setLocale('zh-CN');
    expect(endingsText({ 'rst-client': 1 })).toBe('客户端重置 1');
  });
});
