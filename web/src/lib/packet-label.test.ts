import { describe, it, expect } from 'vitest';
import type { PacketRecord } from '../../../core/protocol.ts';
import type { TcpFlag } from '../../../core/decode/decoded-packet.ts';
import { analysisNote, flagString, packetInfo, packetLabel, packetStep } from './packet-label.ts';
import { tcp } from './testdata/records.ts';

const packet = (...a: Parameters<typeof tcp>) => tcp(...a) as PacketRecord;

describe('flagString', () => {
  const cases: { name: string; input: TcpFlag[]; expected: string }[] = [
    { name: 'SYN alone', input: ['SYN'], expected: 'SYN' },
    { name: 'SYN,ACK', input: ['SYN', 'ACK'], expected: 'SYN,ACK' },
    {
      name: 'ACK before its main flag is put after it',
      input: ['ACK', 'FIN'],
      expected: 'FIN,ACK',
    },
    { name: 'PSH,ACK', input: ['ACK', 'PSH'], expected: 'PSH,ACK' },
    { name: 'RST,ACK', input: ['RST', 'ACK'], expected: 'RST,ACK' },
    { name: 'FIN,PSH,ACK', input: ['FIN', 'PSH', 'ACK'], expected: 'FIN,PSH,ACK' },
    { name: 'ECN flags after ACK', input: ['SYN', 'ECE', 'CWR'], expected: 'SYN,ECE,CWR' },
    { name: 'no flags', input: [], expected: 'NONE' },
  ];
  for (const c of cases) it(c.name, () => expect(flagString(c.input)).toBe(c.expected));
});

describe('packetLabel', () => {
  const syn = packet(1, ['SYN']);
  syn.tcp!.options = { mss: 65495, wscale: 7, sackPermitted: true };
  syn.analysis = { stream: 0, from: 'client', seq: 0, ack: 0, win: 65495 };
  const data = packet(4, ['PSH', 'ACK'], { len: 13 });
  data.analysis = { stream: 0, from: 'client', seq: 1, ack: 1, win: 512 };
  const raw = packet(5, ['ACK'], {}, false);
  const zero = packet(6, ['ACK'], {}, false);
  zero.analysis = { stream: 0, from: 'server', seq: 1, ack: 14, win: 0, analysis: ['zero_window'] };
  const udp = packet(7, [], { proto: 'UDP', len: 13 });
  delete udp.tcp;
  const icmp = packet(8, [], { proto: 'ICMP', len: 41, icmp: { type: 3, code: 3 } });
  delete icmp.tcp;
  const cases = [
    {
      name: 'SYN with window and MSS',
      input: syn,
      step: 'SYN',
      expected: 'SYN Seq=0 Win=65495 MSS=65495',
    },
    {
      name: 'data with relative numbers',
      input: data,
      step: 'PSH,ACK',
      expected: 'PSH,ACK Seq=1 Ack=1 Len=13',
    },
    {
      name: 'raw numbers without analysis',
      input: raw,
      step: 'ACK',
      expected: 'ACK Seq=1000 Ack=0',
    },
    {
      name: 'zero window shows the window',
      input: zero,
      step: 'ACK',
      expected: 'ACK Seq=1 Ack=14 Win=0',
    },
    { name: 'UDP datagram', input: udp, step: 'UDP', expected: 'UDP Len=13' },
    {
      name: 'ICMP port unreachable',
      input: icmp,
      step: 'ICMP',
      expected: 'ICMP Destination unreachable (port)',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(packetLabel(c.input)).toBe(c.expected);
      expect(packetStep(c.input)).toBe(c.step);
    });
  }
  it('table info lists every number and the options', () => {
    expect(packetInfo(syn)).toBe('Seq=0 Win=65495 Len=0 MSS=65495 WS=128 SACK_PERM');
    expect(packetInfo(zero)).toBe('Seq=1 Ack=14 Win=0 Len=0 [TCP ZeroWindow]');
  });
  it('numbers duplicate ACKs', () => {
    const dup = packet(9, ['ACK'], {}, false);
    dup.analysis = { stream: 0, from: 'server', analysis: ['duplicate_ack'], dupAckNum: 2 };
    expect(analysisNote(dup)).toBe('[TCP Dup ACK #2]');
  });
});
