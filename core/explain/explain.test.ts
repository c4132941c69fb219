import { describe, expect, it } from 'vitest';
import type { PacketRecord, SessionRecord, SocketStep } from '../records.ts';
import type { PacketAnalysis, TeachLabel } from '../analysis/packet-analysis.ts';
import type { TcpFlag } from '../decode/decoded-packet.ts';
import { emptyExplanation, explain } from './explain.ts';
import { paramValue, slotOf } from './param-slots.ts';
import { explanationsEn } from './explanations-en.ts';
import { explanationsZh } from './explanations-zh.ts';
import { teachEn } from './explanations-teach-en.ts';
import { teachZh } from './explanations-teach-zh.ts';
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
      en: 'The client sends 13 bytes (Seq 1 to 13); PSH marks the end of what it had to send for now, so the receiver should hand the data to the application without waiting for more.',
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
      en: 'The client acknowledges every byte up to 99: Ack 100 is the next byte it expects. Window 512 bytes. Duplicate ACK #2: the receiver still expects the same byte and the window did not change, often a sign that a segment went missing or arrived out of order.',
    },
    {
      name: 'a bare ACK of the SYN only never says "every byte up to 0"',
      r: tcp(['ACK'], 0, { from: 'server', seq: 1, ack: 1, win: 65536, phase: 'data' }),
      en: 'The server sends an ACK without data: Ack 1 is the next byte it expects from the client, and no data from the client has arrived yet. Window 65536 bytes.',
    },
    {
      name: 'keep-alive-shaped while the peer window is zero: a zero-window probe',
      r: tcp(['ACK'], 0, {
        seq: 195072,
        ack: 1,
        phase: 'data',
        analysis: ['keep_alive'],
        teach: ['zero_window_probe'],
      }),
      en: 'Zero-window probe: the server advertises a zero window, so the client may not send data; it sends a segment without data and with Seq 195072, one below the next byte, which makes the server answer with its current window (RFC 9293 §3.8.6.1). tshark names this shape “Keep-Alive”.',
    },
    {
      name: 'the ACK of a keep-alive that tshark also calls a window update',
      r: tcp(['ACK'], 0, {
        from: 'server',
        seq: 1,
        ack: 1,
        phase: 'data',
        analysis: ['window_update'],
        teach: ['keep_alive_ack', 'syn_window_unscaled'],
      }),
      en: 'The server answers the keep-alive probe with an ACK of the next byte it expects (Ack 1): it is still there, and nothing new has arrived. tshark marks it “Window Update” only because its window field differs from the one in the server’s SYN, which is never scaled (RFC 7323 §2.2): nothing was read here, the two fields are not comparable.',
    },
    {
      name: 'a FIN,ACK that acknowledges the peer’s FIN',
      r: tcp(['FIN', 'ACK'], 0, {
        seq: 14,
        ack: 45,
        phase: 'close',
        states: { client: 'LAST_ACK', server: 'TIME_WAIT' },
        teach: ['fin_acks_fin'],
      }),
      en: 'The client has nothing more to send and closes its direction with FIN (a FIN takes up one sequence number: Seq 14). Its Ack 45 also acknowledges the server’s FIN: this one segment does the work of the ACK and the FIN of a four-way close, so the close takes three packets, and the server passes through FIN_WAIT_2 (its FIN acknowledged) straight to TIME_WAIT (this FIN received) without a packet in between. After it: client LAST_ACK, server TIME_WAIT.',
    },
    {
      name: 'a corrected row says so',
      r: tcp(['SYN'], 0, {
        seq: 0,
        phase: 'setup',
        states: { client: 'SYN_SENT', server: 'CLOSED' },
        corrected: true,
      }),
      en: 'The client asks to open a connection: SYN carries its initial sequence number (shown as 0) and its options, e.g. MSS ?. After it: client SYN_SENT, server CLOSED (corrected: a later packet showed what really happened).',
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

  it.each([
    {
      name: 'a SYN sent again after the initial RTO',
      r: tcp(['SYN'], 0, {
        seq: 0,
        analysis: ['retransmission'],
        retransmits: {
          original: 1,
          sinceUs: 1_012_000,
          sincePreviousUs: 1_012_000,
          attempt: 1,
          trigger: 'timeout',
        },
      }),
      why: 'It repeats the SYN of packet 1 (try 1): no SYN/ACK came back within the timeout, 1012.0 ms — Linux waits 1 s for the first answer to a SYN.',
    },
    {
      name: 'a fast retransmission after duplicate ACKs',
      r: tcp(['ACK'], 1448, {
        seq: 5793,
        analysis: ['fast_retransmission', 'retransmission'],
        retransmits: {
          original: 8,
          sinceUs: 400,
          sincePreviousUs: 400,
          attempt: 1,
          trigger: 'duplicate_acks',
          dupAcks: 3,
        },
      }),
      why: 'It repeats packet 8, sent 0.4 ms earlier, without waiting for the timer: 3 duplicate ACKs told the sender the receiver was still missing these bytes.',
    },
    {
      name: 'a spurious retransmission after a lost ACK',
      r: tcp(['PSH', 'ACK'], 13, {
        seq: 1,
        analysis: ['spurious_retransmission', 'retransmission'],
        retransmits: {
          original: 4,
          sinceUs: 210_000,
          sincePreviousUs: 210_000,
          attempt: 1,
          trigger: 'timeout',
        },
      }),
      why: 'The receiver already had these bytes: its ACK of them was lost on the way back, so the sender could not know and sent them again.',
    },
    {
      name: 'a third try, backing off',
      r: tcp(['PSH', 'ACK'], 13, {
        seq: 1,
        analysis: ['retransmission'],
        retransmits: {
          original: 4,
          sinceUs: 1_400_000,
          sincePreviousUs: 800_000,
          attempt: 3,
          trigger: 'timeout',
        },
      }),
      why: 'Each new try waits about twice as long as the one before (exponential backoff), until the ACK comes or the sender gives up with ETIMEDOUT.',
    },
  ])('says why: $name', ({ r, why }) => {
    expect(renderExplanation(explain(r), 'en')).toContain(why);
    const zh = renderExplanation(explain(r), 'zh-CN');
    expect(zh).not.toMatch(/\{\w+\}/);
    expect(zh).toMatch(/重发|ACK/);
  });

  it('words roles in Chinese', () => {
    const zh = renderExplanation(explain(tcp(['SYN'], 0, { seq: 0, phase: 'setup' })), 'zh-CN');
    expect(zh.startsWith('客户端请求建立连接')).toBe(true);
  });

  it('has every English sentence in Chinese too, with the same slots', () => {
    const en = { ...explanationsEn, ...teachEn };
    const zh = { ...explanationsZh, ...teachZh };
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const slots = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(en)) expect(slots(zh[k]!), k).toEqual(slots(v));
  });

  it('has a lesson sentence for every teach label', () => {
    const labels: TeachLabel[] = [
      'keep_alive',
      'keep_alive_ack',
      'zero_window_probe',
      'zero_window_probe_ack',
      'syn_window_unscaled',
      'fin_acks_fin',
    ];
    for (const l of labels) expect(teachEn[`explain.teach.${l}`], l).toBeDefined();
  });

  it('reads every slot of every sentence as params[name] would', () => {
    const names = Object.values({ ...explanationsEn, ...teachEn }).flatMap((t) =>
      [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
    );
    const step_ = explain(step('error', { code: 'EPIPE' }));
    const retransmitted = explain(
      tcp(['ACK'], 5, {
        analysis: ['retransmission'],
        retransmits: {
          original: 2,
          sinceUs: 1,
          sincePreviousUs: 1,
          attempt: 2,
          trigger: 'timeout',
        },
      }),
    );
    const reused = explain(tcp(['SYN'], 0, { seq: 0, win: 29200 }, 1460), emptyExplanation());
    const distinct = emptyExplanation();
    for (const [i, n] of Object.keys(distinct.params).entries()) distinct.params[n] = `v${i}`;
    for (const { params } of [step_, retransmitted, reused, distinct])
      for (const name of [...names, 'nothing'])
        expect(paramValue(params, slotOf(name)), name).toBe(params[name]);
    // Each of a packet's own parameters has a number of its own (read by name, not by key).
    const own = Object.keys(emptyExplanation().params).map((n) => slotOf(n).id);
    expect(new Set(own).size).toBe(own.length);
    expect(Math.min(...own)).toBe(0);
    expect(slotOf('attempt').id).toBe(-1);
  });
});
