import { describe, expect, it } from 'vitest';
import { timelineJson } from './timeline-json.ts';
import { pkt, step, timeline } from './testdata/timeline-builders.ts';

describe('timelineJson', () => {
  it('merges steps and packets in time order, time in seconds since the first', () => {
    const connect = step('client', 'connect');
    const syn = { ...pkt('client', 'SYN'), time: connect.time - 500 };
    const err = { ...step('client', 'error', { code: 'ECONNRESET' }), time: connect.time + 250 };
    const out = timelineJson(timeline([connect, err], [syn]));
    expect(out).toEqual([
      expect.objectContaining({ no: 1, time: 0, proto: 'TCP', flags: ['SYN'], seq: 1 }),
      { kind: 'connect', side: 'client', bytes: 0, time: 0.0005, conv: connect.conv },
      {
        kind: 'error',
        side: 'client',
        bytes: 0,
        time: 0.00075,
        conv: connect.conv,
        code: 'ECONNRESET',
      },
    ]);
  });

  it('gives packets and steps the sentence of the page as explain', () => {
    const connect = step('client', 'connect');
    const syn = { ...pkt('client', 'SYN'), time: connect.time - 500 };
    const out = timelineJson(timeline([connect], [syn]), 'en');
    expect(out[0]!.explain).toMatch(/^The client asks to open a connection/);
    expect(out[1]!.explain).toMatch(/^connect\(\) returned/);
    const zh = timelineJson(timeline([], [pkt('client', 'SYN')]), 'zh-CN');
    expect(zh[0]!.explain).toMatch(/^客户端请求建立连接/);
  });

  it('gives packets exactly the keys of analyze', () => {
    const [p] = timelineJson(timeline([], [pkt('server', 'SYN,ACK')]), 'en');
    expect(Object.keys(p!).sort()).toEqual(
      [
        'no',
        'time',
        'src',
        'dst',
        'proto',
        'len',
        'sport',
        'dport',
        'stream',
        'flags',
        'seq',
        'ack',
        'seqRaw',
        'ackRaw',
        'win',
        'options',
        'nextSeq',
        'analysis',
        'states',
        'phase',
        'explain',
      ].sort(),
    );
  });
});
