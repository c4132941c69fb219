import { describe, expect, it } from 'vitest';
import { INSTALL_SENTENCE } from './capture-failure-message.ts';
import { createCaptureSource } from './create-capture-source.ts';
import { within } from './testdata/loopback-conversation.ts';

describe('createCaptureSource', () => {
  const cases = [
    { name: 'auto picks tcpdump', input: 'auto' as const, expected: 'tcpdump' },
    { name: 'no preference is auto', input: undefined, expected: 'tcpdump' },
    { name: 'dumpcap when asked', input: 'dumpcap' as const, expected: 'dumpcap' },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const source = createCaptureSource({
        iface: 'lo',
        filter: 'tcp port 9',
        ...(input && { tool: input }),
      });
      expect(source.tool).toBe(expected);
      expect(source.status).toEqual({
        state: 'off',
        tool: expected,
        iface: 'lo',
        filter: 'tcp port 9',
      });
      expect(source.dropped).toBe(0);
    });
  }

  it('a missing program fails on start() with the install sentence', async () => {
    const source = createCaptureSource({
      tool: 'dumpcap',
      iface: 'lo',
      filter: '',
      binary: '/nonexistent/dumpcap',
    });
    await expect(within(source.start(), 3000, 'start')).rejects.toThrow(INSTALL_SENTENCE);
  });
});
