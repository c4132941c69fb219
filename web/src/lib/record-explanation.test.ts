import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../core/explain/render-explanation.ts';
import { recordExplanation } from './record-explanation.ts';
import { setLocale } from './messages.ts';
import { convRecords, TCP_CONV, UNREACHABLE_CONV } from './testdata/live-session.ts';

describe('recordExplanation', () => {
  afterEach(() => setLocale('en'));
  const tcp = convRecords(TCP_CONV);
  const udp = convRecords(UNREACHABLE_CONV);
  const cases: {
    name: string;
    conv: typeof tcp;
    recNo: number;
    locale: Locale;
    contains: string[];
  }[] = [
    { name: 'SYN in English', conv: tcp, recNo: 9, locale: 'en', contains: ['SYN', 'client'] },
    { name: 'SYN in Chinese', conv: tcp, recNo: 9, locale: 'zh-CN', contains: ['SYN', '客户端'] },
    {
      name: 'the last ACK names the TIME_WAIT',
      conv: tcp,
      recNo: 28,
      locale: 'en',
      contains: ['TIME_WAIT', 'client CLOSED, server TIME_WAIT'],
    },
    {
      name: 'ICMP port unreachable answers the datagram',
      conv: udp,
      recNo: 39,
      locale: 'en',
      contains: ['port 47047', 'It answers No. 38: the datagram the client sent'],
    },
    {
      name: 'and in Chinese',
      conv: udp,
      recNo: 39,
      locale: 'zh-CN',
      contains: ['它是对序号 38 的回应：客户端发送'],
    },
  ];
  it.each(cases)('$name', ({ conv, recNo, locale, contains }) => {
    setLocale(locale);
    const text = recordExplanation(
      conv.find((r) => r.recNo === recNo)!,
      conv,
      locale,
    );
    for (const c of contains) expect(text).toContain(c);
  });
});
