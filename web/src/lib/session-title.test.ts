import { describe, it, expect, afterEach } from 'vitest';
import {
  closedTitleKey,
  LIVE_TITLE_KEY,
  serverLiveTitleKey,
  titleOf,
  type SessionTitleKey,
  type SessionTitled,
} from '../../../core/session-title.ts';
import { setLocale } from './messages.ts';
import { sessionTitle } from './session-title.ts';

// 2026-11-28 09:05 UTC, in microseconds.
const START = Date.UTC(2026, 10, 28, 9, 5) * 1000;

afterEach(() => setLocale('en'));

/** A session as the server sends it: the English title, and the key of a default one. */
const keyed = (key: SessionTitleKey): SessionTitled => ({ title: titleOf(key), titleKey: key });

describe('sessionTitle', () => {
  it.each([
    {
      name: 'the live session',
      session: keyed(LIVE_TITLE_KEY),
      en: 'Live: echo endpoints',
      zh: '实时录制：回显端点',
    },
    {
      name: 'one server among several',
      session: keyed(serverLiveTitleKey('0000000a')),
      en: 'Live: echo endpoints (server 0000000a)',
      zh: '实时录制：回显端点（服务器 0000000a）',
    },
    {
      name: 'a closed live session',
      session: keyed(closedTitleKey(LIVE_TITLE_KEY, START)),
      en: 'Live: echo endpoints (2026-11-28 09:05 UTC)',
      zh: '实时录制：回显端点（2026-11-28 09:05 UTC）',
    },
    {
      name: 'a closed session of one server',
      session: keyed(closedTitleKey(serverLiveTitleKey('beef0001'), START)),
      en: 'Live: echo endpoints (server beef0001) (2026-11-28 09:05 UTC)',
      zh: '实时录制：回显端点（服务器 beef0001）（2026-11-28 09:05 UTC）',
    },
    { name: 'a name someone gave', session: { title: 'Monday, group B' }, en: 'Monday, group B' },
    { name: 'a file', session: { title: 'class.pcap' }, en: 'class.pcap' },
    // Renamed to the default's English: a name, shown as given.
    { name: 'a name like a default', session: { title: 'Live: echo endpoints' } },
    {
      name: 'a key this page does not know',
      session: { title: 'Live: ten echo endpoints', titleKey: { key: 'live-ten' } },
    },
  ])('$name', ({ session, en, zh }) => {
    const given = session.title;
    expect(sessionTitle(session as SessionTitled)).toBe(en ?? given);
    setLocale('zh-CN');
    expect(sessionTitle(session as SessionTitled)).toBe(zh ?? en ?? given);
  });
});
