import { describe, it, expect } from 'vitest';
import {
  closedTitle,
  closedTitleKey,
  LIVE_TITLE_KEY,
  serverLiveTitleKey,
  titleOf,
} from './session-title.ts';

// 2026-11-28 09:05:30 UTC, in microseconds.
const START = Date.UTC(2026, 10, 28, 9, 5, 30) * 1000;

describe('titleOf', () => {
  it.each([
    { name: 'the live session', key: LIVE_TITLE_KEY, expected: 'Live: echo endpoints' },
    {
      name: 'one server among several',
      key: serverLiveTitleKey('0000000a'),
      expected: 'Live: echo endpoints (server 0000000a)',
    },
    {
      name: 'a closed live session',
      key: closedTitleKey(LIVE_TITLE_KEY, START),
      expected: 'Live: echo endpoints (2026-11-28 09:05 UTC)',
    },
    {
      name: 'a closed session of one server',
      key: closedTitleKey(serverLiveTitleKey('beef0001'), START),
      expected: 'Live: echo endpoints (server beef0001) (2026-11-28 09:05 UTC)',
    },
  ])('$name', ({ key, expected }) => {
    expect(titleOf(key)).toBe(expected);
  });
});

describe('closing a title', () => {
  it('adds the start time, in UTC, to a key', () => {
    expect(closedTitleKey(serverLiveTitleKey('beef0001'), START)).toEqual({
      key: 'live-server',
      node: 'beef0001',
      started: '2026-11-28 09:05',
    });
  });

  it('adds it to any other title as text, and agrees with the key`s English', () => {
    expect(closedTitle('class.pcap', START)).toBe('class.pcap (2026-11-28 09:05 UTC)');
    expect(closedTitle(titleOf(LIVE_TITLE_KEY), START)).toBe(
      titleOf(closedTitleKey(LIVE_TITLE_KEY, START)),
    );
  });
});
