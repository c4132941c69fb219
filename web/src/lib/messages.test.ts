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

  // A stored session and a conversation (one TCP/UDP flow) are two things: in Chinese, 录制 and
  // 会话 (Wireshark's 统计 → 会话), never one word for both.
  it('Chinese names a session 录制 and a conversation 会话, each only where the English means it', () => {
    const wrong: string[] = [];
    for (const key of Object.keys(messagesEn) as MessageKey[]) {
      const en = messagesEn[key];
      const session = /\bsessions?\b/i.test(en);
      const conversation = /\bconv(?:ersations?\b|\.)/i.test(en);
      const aboutSessions = session || /^(?:sessions|list)\./.test(key);
      if (zh[key].includes('会话') !== conversation) wrong.push(`${key}: 会话`);
      if (session && !zh[key].includes('录制')) wrong.push(`${key}: no 录制`);
      if (!aboutSessions && zh[key].includes('录制')) wrong.push(`${key}: 录制`);
    }
    expect(wrong).toEqual([]);
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
