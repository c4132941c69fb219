import { describe, it, expect } from 'vitest';
import { packetFrom } from './packet-from.ts';
import { CLIENT, tcp } from './testdata/records.ts';

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
