/** Packet Ladder against tshark 4.0 on loopback UDP captures: an echo, and a closed port (ICMP). */
import { describe, it, expect } from 'vitest';
import { describeFrames, referenceRun } from './reference-run.ts';
import { udpClosedPortExchange, udpEchoExchange } from './udp-exchanges.ts';

describe('UDP captures agree with tshark 4.0', () => {
  it('one datagram to the echo endpoint and its answer', async () => {
    const { ours, tshark } = await referenceRun(udpEchoExchange);
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    expect(tshark).toHaveLength(2);
    expect(tshark.map((v) => v.stream)).toEqual([0, 0]);
  });

  it('a datagram to a closed port and the ICMP port unreachable', async () => {
    const { ours, tshark, json } = await referenceRun(udpClosedPortExchange);
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    expect(tshark[1]).toMatchObject({ type: 3, code: 3 });
    // the error is tied to the datagram's flow through the header it quotes
    expect(json[1]!.inner).toMatchObject({ proto: 'UDP', dport: json[0]!.dport });
  });
});
