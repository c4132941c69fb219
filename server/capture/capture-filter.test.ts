import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { captureFilter } from './capture-filter.ts';
import { findCaptureBinary } from './find-capture-tool.ts';

const ICMP =
  '(icmp and (icmp[0] = 3 or icmp[0] = 11 or icmp[0] = 12)) or (icmp6 and ip6[40] < 128)';

describe('captureFilter', () => {
  const cases = [
    {
      name: 'echo endpoints',
      input: { tcp: [23333], udp: [23333] },
      expected: `(tcp port 23333) or (udp port 23333) or ${ICMP}`,
    },
    {
      name: 'tcp only',
      input: { tcp: [1, 65535] },
      expected: `(tcp port 1) or (tcp port 65535) or ${ICMP}`,
    },
    {
      name: 'udp only, duplicates dropped',
      input: { udp: [7, 7] },
      expected: `(udp port 7) or ${ICMP}`,
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => expect(captureFilter(input)).toBe(expected));
  }

  const bad = [
    { name: 'zero', input: { tcp: [0] } },
    { name: 'too large', input: { udp: [65536] } },
    { name: 'fraction', input: { tcp: [80.5] } },
    { name: 'NaN', input: { tcp: [NaN] } },
    { name: 'text smuggled in', input: { tcp: ['80 or host 10.0.0.1' as unknown as number] } },
    { name: 'no port at all', input: {} },
  ];
  for (const { name, input } of bad) {
    it(`refuses ${name}`, () => expect(() => captureFilter(input)).toThrow(RangeError));
  }

  it('compiles with libpcap for lo and any', () => {
    const tcpdump = findCaptureBinary('tcpdump') ?? 'tcpdump';
    for (const iface of ['lo', 'any']) {
      // -d prints the compiled BPF program and exits without capturing
      const program = execFileSync(
        tcpdump,
        ['-i', iface, '-d', captureFilter({ tcp: [23333], udp: [23333] })],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          timeout: 5000,
        },
      );
      expect(program).toMatch(/ret\s+#262144/);
    }
  });
});
