import { describe, it, expect } from 'vitest';
import { legacyTitleKey } from './legacy-title.ts';

describe('legacyTitleKey', () => {
  it.each([
    { name: 'the live session', title: 'Live: echo endpoints', expected: { key: 'live' } },
    {
      name: 'one server among several',
      title: 'Live: echo endpoints (server beef0001)',
      expected: { key: 'live-server', node: 'beef0001' },
    },
    { name: 'a file', title: 'class.pcap', expected: null },
    { name: 'the default with more after it', title: 'Live: echo endpoints again', expected: null },
    { name: 'the default inside a name', title: 'My Live: echo endpoints', expected: null },
    { name: 'a node that is no node', title: 'Live: echo endpoints (server x)', expected: null },
  ])('$name', ({ title, expected }) => {
    expect(legacyTitleKey(title)).toEqual(expected);
  });
});
