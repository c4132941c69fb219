import { afterEach, describe, expect, it } from 'vitest';
import type { PacketRecord } from '../../../core/protocol.ts';
import { ackFinder, seqColumns, type SeqMode } from './seq-columns.ts';
import { setLocale } from './messages.ts';
import { convRecords, TCP_CONV } from './testdata/live-session.ts';

const conv = convRecords(TCP_CONV);
const packet = (recNo: number) =>
  conv.find((r) => r.recNo === recNo) as PacketRecord & { recNo: number };

describe('seqColumns', () => {
  afterEach(() => setLocale('en'));

  const cases: {
    name: string;
    recNo: number;
    mode: SeqMode;
    expected: Record<string, unknown>;
  }[] = [
    {
      name: 'SYN, relative: no Ack; NextSeq counts the SYN',
      recNo: 9,
      mode: 'relative',
      expected: {
        seq: 0,
        nextSeq: 1,
        ackTitle: '',
        nextSeqTitle: 'NextSeq 1 = Seq 0 + Len 0 + SYN 1',
      },
    },
    {
      name: 'SYN,ACK acknowledges the SYN',
      recNo: 10,
      mode: 'relative',
      expected: {
        ack: 1,
        ackTitle: 'Ack 1 = Seq 0 + Len 0 + SYN 1 of No. 9 from the client: the next byte expected',
      },
    },
    {
      name: 'the client’s request: NextSeq 14 = Seq 1 + Len 13',
      recNo: 14,
      mode: 'relative',
      expected: { seq: 1, ack: 1, nextSeq: 14, nextSeqTitle: 'NextSeq 14 = Seq 1 + Len 13' },
    },
    {
      name: 'the server’s ACK of it: Ack 14 = Seq 1 + Len 13',
      recNo: 15,
      mode: 'relative',
      expected: {
        ack: 14,
        ackTitle: 'Ack 14 = Seq 1 + Len 13 of No. 14 from the client: the next byte expected',
      },
    },
    {
      name: 'the last ACK acknowledges the client’s FIN',
      recNo: 28,
      mode: 'relative',
      expected: {
        ack: 15,
        ackTitle:
          'Ack 15 = Seq 14 + Len 0 + FIN 1 of No. 27 from the client: the next byte expected',
      },
    },
    {
      name: 'absolute: the raw header numbers, same arithmetic',
      recNo: 15,
      mode: 'absolute',
      expected: {
        seq: 3010022007,
        ack: 1453405875,
        nextSeq: 3010022007,
        ackTitle:
          'Ack 1453405875 = Seq 1453405862 + Len 13 of No. 14 from the client: the next byte expected',
      },
    },
  ];
  it.each(cases)('$name', ({ recNo, mode, expected }) => {
    expect(seqColumns(packet(recNo), ackFinder(conv, mode), mode)).toMatchObject(expected);
  });

  it('a pure ACK is never the acknowledged segment', () => {
    // No. 20 (client ACK, Seq 14, Len 0) ends at 14 too, but takes no sequence space.
    expect(ackFinder(conv, 'relative')(packet(21))?.recNo).toBe(14);
  });

  it('says it in Chinese', () => {
    setLocale('zh-CN');
    expect(seqColumns(packet(15), ackFinder(conv, 'relative'), 'relative')?.ackTitle).toBe(
      'Ack 14 = 序号 14（客户端发送）的 Seq 1 + Len 13：期待的下一个字节',
    );
  });
});
