import { describe, expect, it } from 'vitest';
import type { PacketRecord, SessionRecord, SocketStep } from '../records.ts';
import type { PacketAnalysis } from '../analysis/packet-analysis.ts';
import type { TcpFlag } from '../decode/decoded-packet.ts';
import { explain } from './explain.ts';
import { explanationsEn } from './explanations-en.ts';
import { explanationsZh } from './explanations-zh.ts';
import { renderExplanation } from './render-explanation.ts';

function tcp(
  flags: TcpFlag[],
  len: number,
  a: Partial<PacketAnalysis>,
  mss?: number,
): SessionRecord {
  const p: PacketRecord = {
    type: 'packet',
    no: 1,
    time: 0,
    caplen: 60,
    origlen: 60,
    linkType: 1,
    proto: 'TCP',
    len,
    tcp: {
      seq: 0,
      ack: 0,
      flags,
      window: 65535,
      urgent: 0,
      headerLength: 20,
      options: mss ? { mss } : {},
    },
    analysis: { stream: 0, from: 'client', ...a },
  };
  return { ...p, recNo: 1 };
}

function step(kind: SocketStep['kind'], extra: Partial<SocketStep> = {}): SessionRecord {
  return {
    type: 'step',
    kind,
    time: 0,
    side: 'client',
    transport: 'tcp',
    local: { address: '127.0.0.1', port: 23333 },
    remote: null,
    conv: 'c',
    bytes: 13,
    recNo: 1,
    ...extra,
  };
}

describe('explain', () => {
  it.each([
    {
      name: 'SYN',
      r: tcp(
        ['SYN'],
        0,
        { seq: 0, phase: 'setup', states: { client: 'SYN_SENT', server: 'SYN_RECEIVED' } },
        65495,
      ),
      en: 'The client asks to open a connection: SYN carries its initial sequence number (shown as 0) and its options, e.g. MSS 65495. After it: client SYN_SENT, server SYN_RECEIVED.',
    },
    {
      name: 'data with PSH',
      r: tcp(['PSH', 'ACK'], 13, { seq: 1, ack: 1, phase: 'data' }),
      en: 'The client sends 13 bytes (Seq 1 to 13); PSH asks the receiver to hand them to the application at once.',
    },
    {
      name: 'refused',
      r: tcp(['RST', 'ACK'], 0, { from: 'server', seq: 1, ack: 1, phase: 'reset' }),
      en: 'Nothing listens on the port: the server’s kernel answers the SYN with RST,ACK, and connect() fails with ECONNREFUSED.',
    },
    {
      name: 'duplicate ACK with its number',
      r: tcp(['ACK'], 0, {
        seq: 1,
        ack: 100,
        win: 512,
        phase: 'data',
        analysis: ['duplicate_ack'],
        dupAckNum: 2,
      }),
      en: 'The client acknowledges every byte up to 99: Ack 100 is the next byte it expects. Window 512 bytes. Duplicate ACK #2: the receiver still waits for the same byte, a sign that a segment went missing.',
    },
    {
      name: 'connect with its duration',
      r: step('connect', { durationUs: 1500 }),
      en: 'connect() returned: the kernel finished the three-way handshake for the client in 1.5 ms.',
    },
    {
      name: 'ECONNREFUSED error',
      r: step('error', { code: 'ECONNREFUSED' }),
      en: 'ECONNREFUSED: nothing listens on that port, so the other host answered with RST (TCP) or ICMP port unreachable (UDP).',
    },
  ])('$name', ({ r, en }) => {
    expect(renderExplanation(explain(r), 'en')).toBe(en);
    const zh = renderExplanation(explain(r), 'zh-CN');
    expect(zh).not.toMatch(/\{\w+\}/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('words roles in Chinese', () => {
    const zh = renderExplanation(explain(tcp(['SYN'], 0, { seq: 0, phase: 'setup' })), 'zh-CN');
    expect(zh.startsWith('客户端请求建立连接')).toBe(true);
  });

  it('has every English sentence in Chinese too, with the same slots', () => {
    expect(Object.keys(explanationsZh).sort()).toEqual(Object.keys(explanationsEn).sort());
    const slots = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(explanationsEn))
      expect(slots(explanationsZh[k]!), k).toEqual(slots(v));
  });
});
