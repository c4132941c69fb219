import { describe, it, expect } from 'vitest';
import type { SessionRecord } from '../../../core/protocol.ts';
import { stepRow, type StepRow } from './step-row.ts';
import { CLIENT, SERVER, step, tcp } from './testdata/records.ts';

const fin = tcp(7, ['FIN', 'ACK'], {}, false);
if (fin.type === 'packet') {
  fin.analysis = {
    stream: 0,
    from: 'server',
    seq: 45,
    ack: 14,
    win: 512,
    states: { client: 'CLOSE_WAIT', server: 'FIN_WAIT_1' },
    phase: 'close',
  };
}

describe('stepRow', () => {
  const cases: { name: string; input: SessionRecord; expected: Partial<StepRow> }[] = [
    {
      name: 'a write shows its message',
      input: step(1, { bytes: 13, preview: { text: 'hello, I am A', hex: '' } }),
      expected: {
        side: 'client',
        step: 'write',
        bytes: 13,
        info: 'hello, I am A',
        isPacket: false,
      },
    },
    {
      name: 'a listen shows its endpoint',
      input: step(2, { kind: 'listen', side: 'server', local: SERVER, remote: null }),
      expected: { side: 'server', step: 'listen', info: '127.0.0.1:23400' },
    },
    {
      name: 'an error shows code and message',
      input: step(3, { kind: 'error', code: 'ECONNREFUSED', message: 'connect refused' }),
      expected: { step: 'error', info: 'ECONNREFUSED connect refused' },
    },
    {
      name: 'a server packet points left and carries the states',
      input: fin,
      expected: {
        side: '←',
        step: 'FIN,ACK',
        tcpSeq: 45,
        tcpAck: 14,
        win: 512,
        clientState: 'CLOSE_WAIT',
        serverState: 'FIN_WAIT_1',
        phase: 'close',
        isPacket: true,
      },
    },
  ];
  for (const c of cases)
    it(c.name, () => expect(stepRow(c.input, CLIENT)).toMatchObject(c.expected));
});
