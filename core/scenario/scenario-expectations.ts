/** What each scenario expects: its socket steps always, its packets when capture ran. */
import type { Expectation, PacketPattern } from './expectation.ts';
import type { ScenarioId } from './scenario-id.ts';
import * as size from './scenario-sizes.ts';

/** Knobs a run may turn; everything else is fixed by the scenario. */
export interface ScenarioParams {
  /** Clients in `concurrent` (1 to CONCURRENT_MAX, default CONCURRENT_DEFAULT). */
  clients?: number;
}

const HANDSHAKE: PacketPattern[] = [
  { from: 'client', has: ['SYN'], lacks: ['ACK'] },
  { from: 'server', has: ['SYN', 'ACK'] },
  { from: 'client', has: ['ACK'], lacks: ['SYN'] },
];

/** The classic exchange: steps of both sides, the packets, the server's FIN first. */
const CLASSIC: Expectation[] = [
  {
    check: 'steps',
    side: 'client',
    kinds: ['connect', 'write', 'read', 'peer-end', 'end', 'close'],
  },
  {
    check: 'steps',
    side: 'server',
    kinds: ['accept', 'read', 'write', 'end', 'peer-end', 'close'],
  },
  {
    check: 'flow',
    packets: [
      ...HANDSHAKE,
      { from: 'client', has: ['ACK'], data: true },
      { from: 'server', has: ['ACK'], data: true },
    ],
  },
  // Who closes first is its own check, so a difference there is named as such.
  { check: 'first-fin', from: 'server' },
];

export function expectationsFor(id: ScenarioId, params: ScenarioParams = {}): Expectation[] {
  switch (id) {
    case 'classic':
      return CLASSIC;
    case 'client-closes':
      return [
        {
          check: 'steps',
          side: 'client',
          kinds: ['connect', 'write', 'end', 'read', 'peer-end', 'close'],
        },
        { check: 'steps', side: 'server', kinds: ['accept', 'read', 'write', 'end', 'close'] },
        { check: 'first-fin', from: 'client' },
        {
          check: 'flow',
          text: 'the server’s data comes after the client’s FIN',
          textZh: '服务器的数据在客户端的 FIN 之后到来',
          packets: [
            { from: 'client', has: ['FIN'] },
            { from: 'server', has: ['ACK'], data: true },
            { from: 'server', has: ['FIN'] },
          ],
        },
      ];
    case 'refused':
      return [
        { check: 'step-error', side: 'client', code: 'ECONNREFUSED' },
        { check: 'no-step', side: 'client', kind: 'connect' },
        {
          check: 'flow',
          packets: [
            { from: 'client', has: ['SYN'], lacks: ['ACK'] },
            { from: 'server', has: ['RST', 'ACK'] },
          ],
        },
      ];
    case 'reset':
      return [
        { check: 'steps', side: 'client', kinds: ['connect', 'write', 'read', 'reset', 'close'] },
        { check: 'no-step', side: 'client', kind: 'end' },
        { check: 'step-error', side: 'server', code: 'ECONNRESET' },
        { check: 'rst-not-fin', from: 'client' },
      ];
    case 'bulk':
      return [
        { check: 'bytes', side: 'client', kind: 'write', total: size.BULK_BYTES },
        { check: 'bytes', side: 'server', kind: 'read', total: size.BULK_BYTES },
        { check: 'bytes', side: 'client', kind: 'read', total: size.BULK_BYTES },
        // 1 MiB is at least 17 segments of loopback's 64 KB; fewer show when capture drops some.
        { check: 'data-packets', from: 'client', min: 8 },
        { check: 'data-packets', from: 'server', min: 8 },
        { check: 'analysis', from: 'client', flags: ['window_full'], min: 1, optional: true },
        { check: 'analysis', from: 'server', flags: ['window_update'], min: 1, optional: true },
        {
          check: 'analysis',
          flags: ['lost_segment'],
          min: 0,
          max: 0,
          optional: true, // loopback loses nothing: a gap means the capture dropped packets
          text: 'the capture missed no segment',
          textZh: '抓包没有漏掉报文段',
        },
      ];
    case 'slow-reader':
      return [
        { check: 'steps', side: 'client', kinds: ['connect', 'write', 'end', 'peer-end', 'close'] },
        { check: 'bytes', side: 'server', kind: 'read', total: size.SLOW_READER_BYTES },
        { check: 'analysis', from: 'server', flags: ['zero_window'], min: 1 },
        {
          check: 'analysis',
          from: 'client',
          flags: ['zero_window_probe', 'keep_alive'],
          min: 1,
          text: 'the client probes the zero window',
          textZh: '客户端探测零窗口',
        },
        { check: 'analysis', from: 'server', flags: ['window_update'], min: 1 },
      ];
    case 'multi-message': {
      const rounds = size.MULTI_ROUNDS;
      return [
        {
          check: 'steps',
          side: 'client',
          kinds: [
            'connect',
            ...repeat(['write', 'read'] as const, rounds),
            'end',
            'peer-end',
            'close',
          ],
        },
        { check: 'step-count', side: 'server', kind: 'write', min: rounds, max: rounds },
        { check: 'data-packets', from: 'client', min: rounds, max: rounds },
        { check: 'data-packets', from: 'server', min: rounds, max: rounds },
        { check: 'first-fin', from: 'client' },
      ];
    }
    case 'nagle': {
      const n = size.NAGLE_WRITES;
      const bytes = size.NAGLE_START_MESSAGE.length + n * size.NAGLE_WRITE_BYTES;
      return [
        { check: 'conversations', count: 2 },
        { check: 'step-count', side: 'client', kind: 'write', min: n + 1, max: n + 1 },
        { check: 'bytes', side: 'server', kind: 'read', total: bytes },
        {
          check: 'fewer-data-packets',
          from: 'client',
          conv: 0,
          than: 1,
          text: 'with Nagle on, fewer data segments than with it off',
          textZh: '开启 Nagle 时的数据报文段比关闭时少',
        },
        {
          check: 'data-packets',
          from: 'client',
          conv: 1,
          min: n + 1,
          optional: true, // Linux's autocorking may still merge a few
          text: `with Nagle off, one data segment per write (${n + 1}: “${size.NAGLE_START_MESSAGE}” and ${n} small writes)`,
          textZh: `关闭 Nagle 时每次写入一个数据报文段（${n + 1} 个：“${size.NAGLE_START_MESSAGE}”和 ${n} 次小写入）`,
        },
      ];
    }
    case 'concurrent':
      return [{ check: 'conversations', count: clientsOf(params) }, ...CLASSIC];
    case 'keepalive':
      return [
        { check: 'steps', side: 'client', kinds: ['connect', 'end', 'peer-end', 'close'] },
        { check: 'no-step', side: 'client', kind: 'write' },
        { check: 'analysis', from: 'client', flags: ['keep_alive'], min: 1 },
        { check: 'analysis', from: 'server', flags: ['keep_alive_ack'], min: 1 },
      ];
    case 'udp':
      return [
        { check: 'steps', side: 'client', kinds: ['udp-send', 'udp-recv', 'close'] },
        { check: 'steps', side: 'server', kinds: ['udp-recv', 'udp-send'] },
        { check: 'data-packets', from: 'client', min: 1, max: 1 },
        { check: 'data-packets', from: 'server', min: 1, max: 1 },
      ];
    case 'udp-unreachable':
      return [
        { check: 'steps', side: 'client', kinds: ['udp-send', 'error', 'close'] },
        { check: 'step-error', side: 'client', code: 'ECONNREFUSED' },
        { check: 'data-packets', from: 'client', min: 1, max: 1 },
        { check: 'icmp-unreachable' },
      ];
    case 'ipv6':
      return [...CLASSIC, { check: 'ip-version', version: 6 }];
    case 'syn-lost':
      return [
        ...CLASSIC,
        {
          check: 'flow',
          text: 'the SYN twice, then the SYN/ACK',
          textZh: 'SYN 出现两次，然后是 SYN/ACK',
          packets: [
            { from: 'client', has: ['SYN'], lacks: ['ACK'] },
            { from: 'client', has: ['SYN'], lacks: ['ACK'] },
            { from: 'server', has: ['SYN', 'ACK'] },
          ],
        },
        {
          check: 'analysis',
          from: 'client',
          flags: ['retransmission'],
          min: 1,
          max: 1,
          text: 'one retransmission from the client: its SYN',
          textZh: '客户端有一次重传：它的 SYN',
        },
      ];
    case 'data-lost':
      return [
        { check: 'bytes', side: 'client', kind: 'write', total: size.DATA_LOST_BYTES },
        { check: 'bytes', side: 'server', kind: 'read', total: size.DATA_LOST_BYTES },
        { check: 'analysis', from: 'server', flags: ['duplicate_ack'], min: 1 },
        {
          check: 'analysis',
          from: 'client',
          flags: ['retransmission'],
          min: 1,
          text: 'the client retransmits the lost segment',
          textZh: '客户端重传丢失的报文段',
        },
        {
          check: 'analysis',
          from: 'client',
          flags: ['fast_retransmission'],
          min: 1,
          optional: true, // Linux's RACK may resend before the third duplicate ACK
          text: 'a fast retransmission (after duplicate ACKs, not a timeout)',
          textZh: '一次快速重传（由重复 ACK 触发，而不是超时）',
        },
      ];
    case 'ack-lost':
      return [
        {
          check: 'steps',
          side: 'client',
          kinds: ['connect', 'write', 'end', 'peer-end', 'close'],
        },
        { check: 'step-count', side: 'server', kind: 'read', min: 1, max: 1 },
        { check: 'bytes', side: 'server', kind: 'read', total: size.CLASSIC_MESSAGE.length },
        {
          check: 'analysis',
          from: 'client',
          flags: ['spurious_retransmission'],
          min: 1,
          text: 'the client resends data the server had: a spurious retransmission',
          textZh: '客户端重发了服务器已经收到的数据：虚假重传',
        },
      ];
    case 'fin-lost':
      return [
        {
          check: 'steps',
          side: 'client',
          kinds: ['connect', 'write', 'read', 'end', 'peer-end', 'close'],
        },
        { check: 'first-fin', from: 'client' },
        {
          check: 'flow',
          text: 'the client’s FIN twice, then the server’s FIN',
          textZh: '客户端的 FIN 出现两次，然后是服务器的 FIN',
          packets: [
            { from: 'client', has: ['FIN'] },
            { from: 'client', has: ['FIN'] },
            { from: 'server', has: ['FIN'] },
          ],
        },
        {
          check: 'analysis',
          from: 'client',
          flags: ['retransmission'],
          min: 1,
          text: 'the client’s FIN is retransmitted',
          textZh: '客户端的 FIN 被重传',
        },
      ];
    case 'blackhole':
      return [
        { check: 'steps', side: 'client', kinds: ['connect', 'write', 'error', 'close'] },
        { check: 'step-error', side: 'client', code: 'ETIMEDOUT' },
        { check: 'no-step', side: 'server', kind: 'read' },
        {
          check: 'analysis',
          from: 'client',
          flags: ['retransmission'],
          min: size.BLACKHOLE_MIN_RETRANSMISSIONS,
          text: 'the client retransmits its data again and again',
          textZh: '客户端一次又一次地重传它的数据',
        },
      ];
  }
}

export function clientsOf(params: ScenarioParams): number {
  return params.clients ?? size.CONCURRENT_DEFAULT;
}

function repeat<T>(items: readonly T[], times: number): T[] {
  return Array.from({ length: times }, () => items).flat();
}
