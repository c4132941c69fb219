import { describe, it, expect } from 'vitest';
import {
  ALL,
  packetFrom,
  parseConversationId,
  recordsOf,
  summarizeConversations,
} from './conversations.ts';
import { CLIENT, CONV, SERVER, recNos, step, tcp } from './testdata/records.ts';

describe('parseConversationId', () => {
  const cases = [
    {
      name: 'IPv4 TCP',
      input: 'tcp 127.0.0.1:50000 > 127.0.0.1:23400',
      expected: { transport: 'tcp', client: CLIENT, server: SERVER },
    },
    {
      name: 'IPv6 UDP',
      input: 'udp [::1]:40000 > [::1]:23400',
      expected: {
        transport: 'udp',
        client: { address: '::1', port: 40000 },
        server: { address: '::1', port: 23400 },
      },
    },
    { name: 'not a conversation id', input: 'hello', expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(parseConversationId(c.input)).toEqual(c.expected));
});

describe('summarizeConversations', () => {
  const udpConv = 'udp 127.0.0.1:40000 > 127.0.0.1:23400';
  const records = [
    step(1, { kind: 'listen', side: 'server', conv: '', local: SERVER, remote: null }),
    tcp(2, ['SYN']),
    step(3, { kind: 'accept', side: 'server', local: SERVER, remote: CLIENT }),
    step(4, { kind: 'udp-send', transport: 'udp', conv: udpConv, time: 999_000 }),
    tcp(5, ['ACK'], {}, false),
  ];
  it('groups by conv, skips records without one, keeps first appearance order', () => {
    const list = summarizeConversations(records);
    expect(list.map((c) => [c.id, c.transport, c.count, c.packets, c.firstRecNo])).toEqual([
      [CONV, 'tcp', 3, 2, 2],
      [udpConv, 'udp', 1, 0, 4],
    ]);
    expect(list[0]?.client).toEqual(CLIENT);
    expect(list[1]?.firstTime).toBe(999_000);
  });
  it('lists records of one conversation, or all, in time order', () => {
    expect(recNos(recordsOf(records, CONV))).toEqual([2, 3, 5]);
    expect(recNos(recordsOf(records, ALL))).toEqual([4, 1, 2, 3, 5]);
  });
});

describe('packetFrom', () => {
  const cases = [
    { name: 'client packet by endpoint', input: tcp(1, ['SYN']), expected: 'client' },
    {
      name: 'server packet by endpoint',
      input: tcp(2, ['SYN', 'ACK'], {}, false),
      expected: 'server',
    },
    {
      name: 'analysis wins over endpoints',
      input: tcp(3, ['ACK'], { analysis: { stream: 0, from: 'server' } }),
      expected: 'server',
    },
    {
      name: 'IPv4-mapped addresses match',
      input: tcp(4, ['ACK'], { src: '::ffff:127.0.0.1' }),
      expected: 'client',
    },
  ];
  for (const c of cases) it(c.name, () => expect(packetFrom(c.input, CLIENT)).toBe(c.expected));
});
