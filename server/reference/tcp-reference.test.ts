/**
 * Packet Ladder against tshark 4.0 on real loopback TCP captures: every compared field of every
 * frame (addresses, ports, stream, seq, ack, len, window, flags, next seq, tcp.analysis flags).
 */
import { describe, it, expect } from 'vitest';
import { describeFrames, referenceRun } from './reference-run.ts';
import {
  classicExchange,
  halfCloseExchange,
  ipv6Exchange,
  refusedExchange,
  resetExchange,
} from './tcp-exchanges.ts';
import { tcpFlagBits } from './tcp-flag-bits.ts';

const FIN = tcpFlagBits(['FIN']);
const SYN = tcpFlagBits(['SYN']);
const RST = tcpFlagBits(['RST']);

describe('TCP captures agree with tshark 4.0', () => {
  it('the echo endpoint classic exchange: the server closes first', async () => {
    const { ours, tshark, json } = await referenceRun(classicExchange);
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    const firstFin = json.find((p) => p.flags?.includes('FIN'));
    expect(firstFin?.sport).toBe(json[0]!.dport); // the server's port sent the first FIN
    expect(tshark.filter((v) => v.flags! & FIN)).toHaveLength(2);
  });

  it('a client that half-closes first', async () => {
    const { ours, tshark, json } = await referenceRun(halfCloseExchange);
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    const firstFin = json.find((p) => p.flags?.includes('FIN'));
    expect(firstFin?.sport).toBe(json[0]!.sport); // the client sent the first FIN
    expect(json.at(-1)?.states).toEqual({ client: 'TIME_WAIT', server: 'CLOSED' });
  });

  it('a refused connection: SYN answered by RST,ACK', async () => {
    const { ours, tshark } = await referenceRun(refusedExchange);
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    expect(tshark.map((v) => v.flags)).toEqual([SYN, tcpFlagBits(['RST', 'ACK'])]);
  });

  it('a connection aborted with RST after data', async () => {
    const { ours, tshark, json } = await referenceRun(resetExchange);
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    expect(tshark.at(-1)!.flags! & RST).toBe(RST);
    expect(json.at(-1)?.phase).toBe('reset');
  });

  it('the classic exchange over ::1', async () => {
    const { ours, tshark } = await referenceRun(ipv6Exchange);
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    expect(tshark[0]).toMatchObject({ src: '::1', dst: '::1', flags: SYN });
    expect(tshark.filter((v) => v.flags! & FIN)).toHaveLength(2);
  });
});
