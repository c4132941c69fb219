import { afterEach, describe, expect, it } from 'vitest';
import { messagesEn, setLocale, t, type MessageKey } from './messages.ts';
import { zh } from './messages-zh.ts';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  afterEach(() => setLocale('en'));

  it('Simplified Chinese has exactly the English keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(messagesEn).sort());
  });

  it('every Chinese text has the same {slots} as the English one', () => {
    for (const key of Object.keys(messagesEn) as MessageKey[]) {
      expect({ key, slots: slots(zh[key]) }).toEqual({ key, slots: slots(messagesEn[key]) });
    }
  });

  it('no text is empty', () => {
    for (const table of [messagesEn, zh])
      for (const [key, text] of Object.entries(table))
        expect({ key, ok: text.trim() !== '' }).toEqual({ key, ok: true });
  });

  const cases: {
    name: string;
    locale: 'en' | 'zh-CN';
    key: MessageKey;
    params?: Record<string, number>;
    expected: string;
  }[] = [
    {
      name: 'English with a slot',
      locale: 'en',
      key: 'conv.records',
      params: { n: 3 },
      expected: '3 records',
    },
    {
      name: 'Chinese with a slot',
      locale: 'zh-CN',
      key: 'conv.records',
      params: { n: 3 },
      expected: '3 条记录',
    },
    { name: 'Chinese role', locale: 'zh-CN', key: 'role.client', expected: '客户端' },
    { name: 'back to English', locale: 'en', key: 'role.client', expected: 'client' },
  ];
  it.each(cases)('t() follows setLocale: $name', ({ locale, key, params, expected }) => {
    setLocale(locale);
    expect(t(key, params)).toBe(expected);
  });
});
