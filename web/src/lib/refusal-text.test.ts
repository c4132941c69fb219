import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from './messages.ts';
import { refusalText } from './refusal-text.ts';

describe('refusalText', () => {
  afterEach(() => setLocale('en'));

  it.each([
    {
      name: 'a limit, in English',
      locale: 'en' as const,
      r: { ok: false as const, error: 'server words', limit: 'trigger-rate' as const },
      text: 'Too many sends: wait a second.',
    },
    {
      name: 'a limit, in Chinese',
      locale: 'zh-CN' as const,
      r: { ok: false as const, error: 'server words', limit: 'viewer' as const },
      text: '只有主讲人可以这样做；本页面是观看者。',
    },
    {
      name: 'any other refusal: the server line',
      locale: 'zh-CN' as const,
      r: { ok: false as const, error: 'No such scenario.' },
      text: 'No such scenario.',
    },
  ])('$name', ({ locale, r, text }) => {
    setLocale(locale);
    expect(refusalText(r)).toBe(text);
  });
});
