import { describe, expect, it } from 'vitest';
import type { PacketRecord } from '../records.ts';
import type { RetransmitOrigin } from '../analysis/retransmit-origin.ts';
import { packetNote, retransmitNote } from './retransmit-note.ts';

const packet = (retransmits?: RetransmitOrigin): PacketRecord => ({
  type: 'packet',
  no: 9,
  time: 0,
  caplen: 60,
  origlen: 60,
  linkType: 1,
  proto: 'TCP',
  len: 0,
  analysis: { stream: 0, from: 'client', ...(retransmits ? { retransmits } : {}) },
});

describe('retransmitNote', () => {
  it.each([
    {
      name: 'after a timeout',
      r: {
        original: 1,
        sinceUs: 1_012_400,
        sincePreviousUs: 1_012_400,
        attempt: 1,
        trigger: 'timeout',
      },
      note: '↻ #1 after 1012 ms',
    },
    {
      name: 'after duplicate ACKs',
      r: {
        original: 8,
        sinceUs: 300,
        sincePreviousUs: 300,
        attempt: 1,
        trigger: 'duplicate_acks',
        dupAcks: 3,
      },
      note: '↻ #8 after 3 dup ACKs',
    },
  ] as const)('$name', ({ r, note }) => {
    expect(retransmitNote(packet(r))).toBe(note);
  });

  it('is empty for anything else', () => {
    expect(retransmitNote(packet())).toBe('');
  });
});

describe('packetNote', () => {
  it('puts the flags first, then where the retransmission comes from', () => {
    const p = packet({
      original: 4,
      sinceUs: 210_000,
      sincePreviousUs: 210_000,
      attempt: 1,
      trigger: 'timeout',
    });
    p.analysis!.analysis = ['retransmission'];
    expect(packetNote(p)).toMatch(/^\[.*Retransmission\] ↻ #4 after 210 ms$/);
  });
});
