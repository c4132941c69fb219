import { describe, expect, it } from 'vitest';
import {
  ConversationNames,
  LATE_CAPTURE_MARGIN_US,
  connectionNumber,
  generationId,
} from './conversation-names.ts';
import type { Side, Transport } from './types.ts';

const TCP = 'tcp 127.0.0.1:50000 > 127.0.0.1:23333';
const UDP = 'udp 127.0.0.1:50000 > 127.0.0.1:23333';

type Event =
  | { step: string; side: Side; t: number; transport?: Transport }
  | { stream: number; flags?: string[]; t: number; udp?: boolean; source?: number };

/** Feeds events in order and returns the suffix each got ('' for the plain id, '#2'…). */
function names(events: Event[], namer = new ConversationNames()): string[] {
  return events.map((e) => {
    if ('step' in e) {
      const transport = e.transport ?? 'tcp';
      const conv = transport === 'tcp' ? TCP : UDP;
      const id = namer.step({ conv, kind: e.step, side: e.side, transport, time: e.t });
      return id.slice(conv.length).trim();
    }
    const conv = e.udp ? UDP : TCP;
    const id = namer.packet(
      {
        conv,
        time: e.t,
        analysis: { stream: e.stream },
        ...(e.udp ? {} : { tcp: { flags: e.flags ?? ['ACK'] } }),
      },
      e.source,
    );
    return id!.slice(conv.length).trim();
  });
}

const SYN = ['SYN'];
const SYN_ACK = ['SYN', 'ACK'];

describe('ConversationNames', () => {
  const cases: { name: string; events: Event[]; expected: string[] }[] = [
    {
      name: 'one connection keeps the plain id on both sides and in the capture',
      events: [
        { stream: 0, flags: SYN, t: 1 },
        { stream: 0, flags: SYN_ACK, t: 2 },
        { step: 'connect', side: 'client', t: 3 },
        { step: 'accept', side: 'server', t: 4 },
        { step: 'write', side: 'client', t: 5 },
        { stream: 0, t: 6 },
        { step: 'close', side: 'client', t: 7 },
        { step: 'close', side: 'server', t: 8 },
      ],
      expected: ['', '', '', '', '', '', '', ''],
    },
    {
      name: 'a second capture numbers its streams from 0 again: its SYN on the pair is #2',
      events: [
        { stream: 0, flags: SYN, t: 1, source: 1 },
        { stream: 0, flags: ['FIN', 'ACK'], t: 2, source: 1 },
        { stream: 0, flags: SYN, t: 3, source: 2 },
        { stream: 0, t: 4, source: 2 },
        { stream: 0, t: 5, source: 1 },
      ],
      expected: ['', '', '#2', '#2', ''],
    },
    {
      name: 'taps only: a second accept and connect on a closed pair is #2',
      events: [
        { step: 'connect', side: 'client', t: 1 },
        { step: 'accept', side: 'server', t: 2 },
        { step: 'close', side: 'client', t: 3 },
        { step: 'close', side: 'server', t: 4 },
        { step: 'connect', side: 'client', t: 5 },
        { step: 'accept', side: 'server', t: 6 },
        { step: 'read', side: 'server', t: 7 },
        { step: 'connect', side: 'client', t: 8 },
      ],
      expected: ['', '', '', '', '#2', '#2', '#2', '#3'],
    },
    {
      name: 'capture only: a new stream opened by a SYN is #2, a late packet of the first is not',
      events: [
        { stream: 0, flags: SYN, t: 1 },
        { stream: 0, flags: ['RST', 'ACK'], t: 2 },
        { stream: 1, flags: SYN, t: 3 },
        { stream: 0, t: 4 },
        { stream: 1, t: 5 },
        { stream: 2, flags: SYN, t: 6 },
      ],
      expected: ['', '', '#2', '', '#2', '#3'],
    },
    {
      name: 'the SYN seen before the accept names the connection; the accept joins it',
      events: [
        { stream: 0, flags: SYN, t: 1 },
        { step: 'accept', side: 'server', t: 2 },
        { step: 'close', side: 'server', t: 3 },
        { stream: 1, flags: SYN, t: 4 },
        { stream: 1, flags: SYN_ACK, t: 5 },
        { step: 'accept', side: 'server', t: 6 },
      ],
      expected: ['', '', '', '#2', '#2', '#2'],
    },
    {
      name: 'the accept seen before the SYN names it; the SYN joins it',
      events: [
        { stream: 0, flags: SYN, t: 1 },
        { step: 'accept', side: 'server', t: 2 },
        { step: 'close', side: 'server', t: 3 },
        { step: 'accept', side: 'server', t: 6 },
        { step: 'close', side: 'server', t: 7 },
        { stream: 1, flags: SYN, t: 4 },
        { stream: 1, flags: ['RST'], t: 7 },
      ],
      expected: ['', '', '', '#2', '#2', '#2', '#2'],
    },
    {
      name: "the old socket's last steps after the new SYN keep the old id",
      events: [
        { step: 'accept', side: 'server', t: 1 },
        { stream: 0, flags: ['RST'], t: 2 },
        { stream: 1, flags: SYN, t: 3 },
        { step: 'error', side: 'server', t: 4 },
        { step: 'close', side: 'server', t: 5 },
        { step: 'accept', side: 'server', t: 6 },
      ],
      expected: ['', '', '#2', '', '', '#2'],
    },
    {
      name: 'a capture that started late: a SYN well after the tapped connection closed is #2',
      events: [
        { step: 'accept', side: 'server', t: 1 },
        { step: 'close', side: 'server', t: 2 },
        { stream: 0, flags: SYN, t: 3 + LATE_CAPTURE_MARGIN_US },
        { step: 'accept', side: 'server', t: 4 + LATE_CAPTURE_MARGIN_US },
      ],
      expected: ['', '', '#2', '#2'],
    },
    {
      name: 'a late capture joins a connection the taps still hold open, or just closed',
      events: [
        { step: 'accept', side: 'server', t: 1 },
        { stream: 0, t: 2 },
        { step: 'close', side: 'server', t: 3 },
        { stream: 1, flags: SYN, t: 4 },
      ],
      expected: ['', '', '', '#2'],
    },
    {
      name: 'a packet of a new stream without a SYN (the flow was forgotten) joins the newest',
      events: [
        { stream: 0, flags: SYN, t: 1 },
        { stream: 1, t: 2 },
        { stream: 2, flags: SYN, t: 3 },
        { stream: 3, t: 4 },
      ],
      expected: ['', '', '#2', '#2'],
    },
    {
      name: 'an over-limit refusal is a connection of its own, opened and closed at once',
      events: [
        { step: 'over-limit', side: 'server', t: 1 },
        { step: 'over-limit', side: 'server', t: 2 },
        { step: 'accept', side: 'server', t: 3 },
      ],
      expected: ['', '#2', '#3'],
    },
    {
      name: 'a refused connect (no connect step) from a closed side opens the next connection',
      events: [
        { step: 'error', side: 'client', t: 1 },
        { step: 'close', side: 'client', t: 2 },
        { step: 'error', side: 'client', t: 3 },
        { stream: 0, flags: SYN, t: 2.5 },
      ],
      expected: ['', '', '#2', '#2'],
    },
    {
      name: "UDP: a new client socket after the previous one closed is #2; the endpoint's steps and the packets follow",
      events: [
        { step: 'udp-send', side: 'client', t: 1, transport: 'udp' },
        { stream: 0, t: 2, udp: true },
        { step: 'udp-recv', side: 'server', t: 3, transport: 'udp' },
        { step: 'udp-send', side: 'server', t: 4, transport: 'udp' },
        { step: 'udp-recv', side: 'client', t: 5, transport: 'udp' },
        { step: 'close', side: 'client', t: 6, transport: 'udp' },
        { step: 'udp-send', side: 'client', t: 7, transport: 'udp' },
        { stream: 0, t: 8, udp: true },
        { step: 'udp-recv', side: 'server', t: 9, transport: 'udp' },
      ],
      expected: ['', '', '', '', '', '', '#2', '#2', '#2'],
    },
    {
      name: 'UDP from an outside client (only the endpoint tapped) stays one conversation',
      events: [
        { step: 'udp-recv', side: 'server', t: 1, transport: 'udp' },
        { stream: 0, t: 2, udp: true },
        { step: 'udp-recv', side: 'server', t: 100e6, transport: 'udp' },
        { stream: 0, t: 100e6, udp: true },
      ],
      expected: ['', '', '', ''],
    },
  ];
  it.each(cases)('$name', ({ events, expected }) => {
    expect(names(events)).toEqual(expected);
  });

  it('leaves records without a conversation alone', () => {
    const n = new ConversationNames();
    expect(n.step({ conv: '', kind: 'listen', side: 'server', transport: 'tcp', time: 1 })).toBe(
      '',
    );
    expect(n.packet({ time: 1 })).toBeUndefined();
    expect(n.size).toBe(0);
  });

  it("tells the id a side's steps get now, for a caller that knows only the plain one", () => {
    const n = new ConversationNames();
    expect(n.current(TCP, 'client')).toBe(TCP);
    names(
      [
        { step: 'connect', side: 'client', t: 1 },
        { step: 'close', side: 'client', t: 2 },
        { step: 'connect', side: 'client', t: 3 },
      ],
      n,
    );
    expect(n.current(TCP, 'client')).toBe(`${TCP} #2`);
    expect(n.current(TCP, 'server')).toBe(`${TCP} #2`);
  });

  it('forgets the least recently opened pairs past its cap', () => {
    const n = new ConversationNames(2);
    for (const port of [1, 2, 3]) {
      n.step({
        conv: `tcp a:${port} > b:9`,
        kind: 'accept',
        side: 'server',
        transport: 'tcp',
        time: 1,
      });
    }
    expect(n.size).toBe(2);
  });

  it('names later connections with a short suffix and the first with the plain id', () => {
    expect(generationId(TCP, 1)).toBe(TCP);
    expect(generationId(TCP, 12)).toBe(`${TCP} #12`);
  });

  it('reads the connection number back from an id it made, 1 for anything else', () => {
    expect(connectionNumber(generationId(TCP, 1))).toBe(1);
    expect(connectionNumber(generationId(TCP, 2))).toBe(2);
    expect(connectionNumber(generationId(TCP, 12))).toBe(12);
    for (const odd of [`${TCP} #`, `${TCP} #x`, `${TCP} #1`, `${TCP} #-3`, `${TCP} #2.5`, ''])
      expect(connectionNumber(odd)).toBe(1);
  });
});
