import { describe, it, expect, afterEach } from 'vitest';
import { closedTitle, LIVE_TITLE, serverLiveTitle } from '../../../core/session-title.ts';
import { setLocale } from './messages.ts';
import { sessionTitle } from './session-title.ts';

// 2026-11-28 09:05 UTC, in microseconds.
const START = Date.UTC(2026, 10, 28, 9, 5) * 1000;

afterEach(() => setLocale('en'));

describe('sessionTitle', () => {
  it.each([
    { title: LIVE_TITLE, en: 'Live: echo endpoints', zh: '实时录制：回显端点' },
    {
      title: serverLiveTitle('0000000a'),
      en: 'Live: echo endpoints (server 0000000a)',
      zh: '实时录制：回显端点（服务器 0000000a）',
    },
    {
      title: closedTitle(LIVE_TITLE, START),
      en: 'Live: echo endpoints (2026-11-28 09:05 UTC)',
      zh: '实时录制：回显端点（2026-11-28 09:05 UTC）',
    },
    { title: 'Monday, group B', en: 'Monday, group B', zh: 'Monday, group B' },
    { title: 'class.pcap', en: 'class.pcap', zh: 'class.pcap' },
  ])('$title', ({ title, en, zh }) => {
    expect(sessionTitle(title)).toBe(en);
    setLocale('zh-CN');
    expect(sessionTitle(title)).toBe(zh);
  });
});
