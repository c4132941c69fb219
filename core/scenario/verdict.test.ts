import { describe, expect, it } from 'vitest';
import type { Expectation } from './expectation.ts';
import { expectationsFor } from './scenario-expectations.ts';
import { judgeRun } from './verdict.ts';
import { describeExpectation } from './describe-expectation.ts';
import { scenarioEntry } from './scenario-catalog.ts';
import { NAGLE_WRITE_BYTES, NAGLE_WRITES } from './scenario-sizes.ts';
import { SCENARIO_IDS } from './scenario-id.ts';
import { VERDICT_WORDS_ZH } from './verdict-words-zh.ts';
import {
  CONV,
  classicPackets,
  icmpUnreachable,
  pkt,
  step,
  steps,
  timeline,
} from './testdata/timeline-builders.ts';

const classicSteps = () => [
  ...steps('client', 'connect write read peer-end end close'),
  ...steps('server', 'accept read write end peer-end close'),
];

describe('judgeRun on the classic expectations', () => {
  const cases = [
    {
      name: 'all met with capture',
      input: timeline(classicSteps(), classicPackets('server')),
      outcome: 'as-expected',
      summary: /^As expected \(4 of 4 checks ran\)\.$/,
    },
    {
      name: 'client closes first: the FIN check points at it',
      input: timeline(classicSteps(), classicPackets('client')),
      outcome: 'differs',
      summary: /expected a FIN from the server first, saw the client's/,
    },
    {
      name: 'no capture: packet checks not run, still as expected',
      input: timeline(classicSteps(), [], false),
      outcome: 'as-expected',
      summary: /2 packet expectation\(s\) not checked: capture was off/,
    },
    {
      name: 'client ends before reading: the step order differs',
      input: timeline(
        [
          ...steps('client', 'connect write end read peer-end close'),
          ...steps('server', 'accept read write end peer-end close'),
        ],
        [],
        false,
      ),
      outcome: 'differs',
      summary: /saw client: connect → write → end → read → peer-end → close/,
    },
    {
      name: 'captured but no packets of the run: the flow differs',
      input: timeline(classicSteps(), []),
      outcome: 'differs',
      summary: /expected client SYN next, saw no packets/,
    },
  ];
  it.each(cases)('$name', ({ input, outcome, summary }) => {
    const v = judgeRun(expectationsFor('classic'), input);
    expect(v.outcome).toBe(outcome);
    expect(v.summary).toMatch(summary);
  });
});

describe('single checks', () => {
  const cases: {
    name: string;
    expect: Expectation;
    input: ReturnType<typeof timeline>;
    status: 'met' | 'differs' | 'unchecked';
    detail?: RegExp;
  }[] = [
    {
      name: 'rst-not-fin met',
      expect: { check: 'rst-not-fin', from: 'client' },
      input: timeline([], [pkt('client', 'SYN'), pkt('client', 'RST,ACK')]),
      status: 'met',
      detail: /RST seen instead of FIN, as expected/,
    },
    {
      name: 'rst-not-fin with a FIN first',
      expect: { check: 'rst-not-fin', from: 'client' },
      input: timeline([], [pkt('client', 'FIN,ACK'), pkt('client', 'RST')]),
      status: 'differs',
      detail: /saw the client's FIN first/,
    },
    {
      name: 'rst-not-fin with no RST',
      expect: { check: 'rst-not-fin', from: 'client' },
      input: timeline([], [pkt('client', 'FIN,ACK')]),
      status: 'differs',
      detail: /expected a RST from the client, saw a FIN/,
    },
    {
      name: 'error code seen',
      expect: { check: 'step-error', side: 'client', code: 'ECONNREFUSED' },
      input: timeline([step('client', 'error', { code: 'ECONNREFUSED' })], []),
      status: 'met',
    },
    {
      name: 'other error code',
      expect: { check: 'step-error', side: 'client', code: 'ECONNREFUSED' },
      input: timeline([step('client', 'error', { code: 'ETIMEDOUT' })], []),
      status: 'differs',
      detail: /saw ETIMEDOUT instead/,
    },
    {
      name: 'bytes summed over reads',
      expect: { check: 'bytes', side: 'server', kind: 'read', total: 30 },
      input: timeline(
        [step('server', 'read', { bytes: 10 }), step('server', 'read', { bytes: 20 })],
        [],
      ),
      status: 'met',
    },
    {
      name: 'too few analysis flags',
      expect: { check: 'analysis', from: 'server', flags: ['zero_window'], min: 1 },
      input: timeline([], [pkt('server', 'ACK', 0, { analysis: ['window_update'] })]),
      status: 'differs',
      detail: /saw 0/,
    },
    {
      name: 'analysis flags from the right side only',
      expect: { check: 'analysis', from: 'client', flags: ['keep_alive'], min: 1 },
      input: timeline([], [pkt('server', 'ACK', 0, { analysis: ['keep_alive'] })]),
      status: 'differs',
    },
    {
      name: 'ICMP port unreachable (v6)',
      expect: { check: 'icmp-unreachable' },
      input: timeline([], [pkt('client', 'ACK', 5), icmpUnreachable(true)]),
      status: 'met',
    },
    {
      name: 'packet check without capture',
      expect: { check: 'icmp-unreachable' },
      input: timeline([], [], false),
      status: 'unchecked',
    },
    {
      name: 'IPv6 only, one IPv4 packet among them',
      expect: { check: 'ip-version', version: 6 },
      input: timeline([], [pkt('client', 'SYN', 0, { ipVersion: 6 }), pkt('server', 'ACK')]),
      status: 'differs',
      detail: /1 packet\(s\) were not IPv6/,
    },
    {
      name: 'fewer data packets in conversation 1 than 2',
      expect: { check: 'fewer-data-packets', from: 'client', conv: 0, than: 1 },
      input: timeline(
        [],
        [
          pkt('client', 'PSH,ACK', 8),
          ...[1, 2, 3].map(() => pkt('client', 'PSH,ACK', 8, { conv: 'b' })),
        ],
        true,
        [CONV, 'b'],
      ),
      status: 'met',
      detail: /1 vs 3/,
    },
    {
      name: 'conversation count',
      expect: { check: 'conversations', count: 2 },
      input: timeline([], []),
      status: 'differs',
      detail: /saw 1 conversation/,
    },
  ];
  it.each(cases)('$name', ({ expect: e, input, status, detail }) => {
    const [c] = judgeRun([e], input).checks;
    expect(c!.status).toBe(status);
    if (detail) expect(c!.detail).toMatch(detail);
  });

  it('an optional check that differs does not make the run differ', () => {
    const v = judgeRun(
      [{ check: 'data-packets', from: 'client', min: 5, optional: true }],
      timeline([], [pkt('client', 'PSH,ACK', 1)]),
    );
    expect(v.checks[0]!.status).toBe('differs');
    expect(v.outcome).toBe('as-expected');
    // The summary must not contradict the red check under it.
    expect(v.summary).toBe('As expected, with 1 optional difference (1 of 1 checks ran).');
  });

  it('a packet difference the capture can explain is not checked, and says why', () => {
    const t = {
      ...timeline([], [pkt('client', 'SYN')]),
      captureGaps: 'the capture missed the last packets',
    };
    const v = judgeRun([{ check: 'rst-not-fin', from: 'client' }], t);
    expect(v.checks[0]).toMatchObject({
      status: 'unchecked',
      detail: expect.stringMatching(/^the capture missed the last packets; expected a RST/),
    });
    expect(v.outcome).toBe('as-expected');
    expect(v.summary).toMatch(/not checked: the capture missed the last packets\.$/);
  });

  it('a flow lets one segment carry data and FIN', () => {
    const v = judgeRun(
      [
        {
          check: 'flow',
          packets: [
            { from: 'server', has: ['ACK'], data: true },
            { from: 'server', has: ['FIN'] },
          ],
        },
      ],
      timeline([], [pkt('server', 'FIN,PSH,ACK', 44)]),
    );
    expect(v.outcome).toBe('as-expected');
  });
});

describe('nagle: texts and checks agree on counts', () => {
  it('the description and the optional check name the same number of writes', () => {
    const checks = expectationsFor('nagle').map((e) => describeExpectation(e));
    const writes = NAGLE_WRITES + 1;
    expect(checks.join('\n')).toContain(`one data segment per write (${writes}:`);
    const [what, look] = scenarioEntry('nagle').description;
    expect(what).toContain(
      `${NAGLE_WRITES} writes of ${NAGLE_WRITE_BYTES} bytes (${writes} writes)`,
    );
    expect(look).toContain(`(${writes})`);
    // The step check counts the same writes.
    expect(expectationsFor('nagle')).toContainEqual(
      expect.objectContaining({ check: 'step-count', kind: 'write', min: writes, max: writes }),
    );
  });
});

describe('the verdict in Simplified Chinese', () => {
  const cjk = /[\u4e00-\u9fff]/;

  it.each(SCENARIO_IDS)('%s: every expectation has Chinese words', (id) => {
    for (const e of expectationsFor(id)) {
      const zh = describeExpectation(e, VERDICT_WORDS_ZH);
      expect(zh, describeExpectation(e)).toMatch(cjk);
      if (e.text) expect(e.textZh, `${e.text} has its Chinese wording`).toMatch(cjk);
    }
  });

  it('as expected: summary and checks in Chinese, English unchanged beside them', () => {
    const v = judgeRun(
      expectationsFor('classic'),
      timeline(classicSteps(), classicPackets('server')),
    );
    expect(v.summary).toBe('As expected (4 of 4 checks ran).');
    expect(v.zh!.summary).toBe('符合预期（4 项检查中运行了 4 项）。');
    expect(v.zh!.checks.map((c) => c.text)).toEqual([
      '客户端：connect → write → read → peer-end → end → close',
      '服务器：accept → read → write → end → peer-end → close',
      '报文：客户端 SYN，服务器 SYN,ACK，客户端 ACK，客户端 ACK+数据，服务器 ACK+数据',
      '服务器先发送 FIN',
    ]);
    expect(v.zh!.checks[3]!.detail).toBe('服务器先发送了 FIN，符合预期');
  });

  it('differs: the first difference in Chinese, check by check as in English', () => {
    const v = judgeRun(
      expectationsFor('classic'),
      timeline(classicSteps(), classicPackets('client')),
    );
    expect(v.summary).toMatch(
      /^Differs: expected a FIN from the server first, saw the client's\.$/,
    );
    expect(v.zh!.summary).toBe('不同：预期服务器先发送 FIN，但先发送的是客户端。');
    expect(v.zh!.checks).toHaveLength(v.checks.length);
  });

  it('without capture: the packet checks not run, said in Chinese', () => {
    const v = judgeRun(expectationsFor('classic'), timeline(classicSteps(), [], false));
    expect(v.zh!.summary).toBe(
      '符合预期（4 项检查中运行了 2 项）。有 2 项报文检查没有运行：没有抓包。',
    );
  });

  it('a step difference names what was seen', () => {
    const v = judgeRun(
      [{ check: 'step-error', side: 'client', code: 'ECONNREFUSED' }],
      timeline([step('client', 'error', { code: 'ETIMEDOUT' })], []),
    );
    expect(v.zh!.summary).toBe('不同：预期客户端得到 ECONNREFUSED；看到的是 ETIMEDOUT。');
  });
});
