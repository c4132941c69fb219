import { describe, expect, it } from 'vitest';
import { teachLabels, type TeachContext } from './teach-labels.ts';

const base: TeachContext = {
  flags: ['ACK'],
  len: 0,
  analysis: [],
  peerWindow: 512,
  ownWindow: 512,
  ownWindowInSyn: false,
  peerLast: [],
  peerBefore: 'ESTABLISHED',
  peerAfter: 'ESTABLISHED',
};

describe('teaching labels beside tshark flags', () => {
  it.each([
    { name: 'a plain ACK teaches nothing extra', input: {}, expected: undefined },
    {
      name: 'keep-alive shape, peer window open: keep-alive',
      input: { analysis: ['keep_alive'] },
      expected: ['keep_alive'],
    },
    {
      name: 'keep-alive shape, peer window zero: zero-window probe',
      input: { analysis: ['keep_alive'], peerWindow: 0 },
      expected: ['zero_window_probe'],
    },
    {
      name: 'the answer to a keep-alive, whatever tshark calls it',
      input: { peerLast: ['keep_alive'], analysis: ['window_update'], ownWindowInSyn: true },
      expected: ['keep_alive_ack', 'syn_window_unscaled'],
    },
    {
      name: 'the answer to a zero-window probe (own window was zero)',
      input: { peerLast: ['keep_alive'], analysis: ['zero_window'], ownWindow: 0 },
      expected: ['zero_window_probe_ack'],
    },
    {
      name: 'a real window update after data is read teaches nothing extra',
      input: { analysis: ['window_update'] },
      expected: undefined,
    },
    {
      name: 'a FIN,ACK that acks the FIN_WAIT_1 peer’s FIN',
      input: {
        flags: ['FIN', 'ACK'],
        peerBefore: 'FIN_WAIT_1',
        peerAfter: 'TIME_WAIT',
      },
      expected: ['fin_acks_fin'],
    },
    {
      name: 'a first FIN,ACK (peer was ESTABLISHED)',
      input: { flags: ['FIN', 'ACK'], peerAfter: 'CLOSE_WAIT' },
      expected: undefined,
    },
    {
      name: 'a crossing FIN (simultaneous close) does not ack the peer’s FIN',
      input: { flags: ['FIN', 'ACK'], peerBefore: 'FIN_WAIT_1', peerAfter: 'CLOSING' },
      expected: undefined,
    },
    {
      name: 'data after a keep-alive is not its answer',
      input: { peerLast: ['keep_alive'], len: 10 },
      expected: undefined,
    },
  ] as { name: string; input: Partial<TeachContext>; expected: string[] | undefined }[])(
    '$name',
    ({ input, expected }) => {
      expect(teachLabels({ ...base, ...input })).toEqual(expected);
    },
  );
});
