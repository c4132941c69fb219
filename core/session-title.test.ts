import { describe, it, expect } from 'vitest';
import { closedTitle, defaultTitleOf, LIVE_TITLE, serverLiveTitle } from './session-title.ts';

// 2026-11-28 09:05:30 UTC, in microseconds.
const START = Date.UTC(2026, 10, 28, 9, 5, 30) * 1000;

describe('defaultTitleOf', () => {
  it.each([
    { name: 'the live session', title: LIVE_TITLE, expected: {} },
    {
      name: 'one server among several',
      title: serverLiveTitle('0000000a'),
      expected: { node: '0000000a' },
    },
    {
      name: 'a closed live session',
      title: closedTitle(LIVE_TITLE, START),
      expected: { started: '2026-11-28 09:05' },
    },
    {
      name: 'a closed session of one server',
      title: closedTitle(serverLiveTitle('beef0001'), START),
      expected: { node: 'beef0001', started: '2026-11-28 09:05' },
    },
    { name: 'a name someone gave', title: 'Monday, group B', expected: null },
    { name: 'a shared file, closed', title: closedTitle('class.pcap', START), expected: null },
    { name: 'the default with more after it', title: `${LIVE_TITLE} again`, expected: null },
    { name: 'the default inside a name', title: `My ${LIVE_TITLE}`, expected: null },
  ])('$name', ({ title, expected }) => {
    expect(defaultTitleOf(title)).toEqual(expected);
  });

  it('closes a title with its start time in UTC', () => {
    expect(closedTitle(LIVE_TITLE, START)).toBe('Live: echo endpoints (2026-11-28 09:05 UTC)');
  });
});
