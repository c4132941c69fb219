import { describe, it, expect } from 'vitest';
import type { SessionInfo } from '../../../core/protocol.ts';
import { optionsIn, sessionOptions } from './session-options.ts';

const info = (
  id: string,
  kind: SessionInfo['kind'],
  title: string,
  startTime = 1,
  closed?: boolean,
): SessionInfo => ({
  id,
  kind,
  title,
  startTime,
  lastRecNo: 0,
  firstRecNo: 1,
  ...(closed && { closed }),
});

describe('sessionOptions', () => {
  const cases = [
    {
      name: 'live alone before the server lists anything',
      server: [],
      local: [],
      expected: [['live', 'Live', 'live']],
    },
    {
      name: 'live, shared files in server order, then files opened here',
      server: [
        info('live', 'live', 'Live'),
        info('file-2', 'file', 'b.pcap'),
        info('file-1', 'file', 'a.pcapng'),
      ],
      local: [info('local:1', 'file', 'mine.pcap')],
      expected: [
        ['live', 'Live', 'live'],
        ['file-2', 'b.pcap', 'shared'],
        ['file-1', 'a.pcapng', 'shared'],
        ['local:1', 'mine.pcap', 'local'],
      ],
    },
    {
      name: 'earlier live sessions are stored ones, newest first, not files',
      server: [
        info('live', 'live', 'Live'),
        info('live-a', 'live', 'Monday', 10, true),
        info('live-b', 'live', 'Tuesday', 20, true),
        info('file-1', 'file', 'a.pcap'),
      ],
      local: [],
      expected: [
        ['live', 'Live', 'live'],
        ['live-b', 'Tuesday', 'stored'],
        ['live-a', 'Monday', 'stored'],
        ['file-1', 'a.pcap', 'shared'],
      ],
    },
    {
      name: 'the live sessions of other server processes come next, as they are listed',
      server: [
        info('live-0000000a', 'live', 'Live: echo endpoints (server 0000000a)', 5),
        info('live-c', 'live', 'Monday', 10, true),
        info('live-0000000b', 'live', 'Live: echo endpoints (server 0000000b)', 30),
      ],
      local: [],
      liveId: 'live-0000000a',
      expected: [
        ['live-0000000a', 'Live', 'live'],
        ['live-0000000b', 'Live: echo endpoints (server 0000000b)', 'others'],
        ['live-c', 'Monday', 'stored'],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = sessionOptions(
        c.server,
        c.local.map((i) => ({ info: i })),
        ('liveId' in c && c.liveId) || 'live',
      );
      expect(got.map((o) => [o.value, o.label, o.group])).toEqual(c.expected);
    });
  }

  it('splits by group for optgroups', () => {
    const all = sessionOptions(
      [info('file-1', 'file', 'a')],
      [{ info: info('local:1', 'file', 'b') }],
      'live',
    );
    expect(optionsIn(all, 'shared').map((o) => o.value)).toEqual(['file-1']);
    expect(optionsIn(all, 'local').map((o) => o.value)).toEqual(['local:1']);
  });
});
