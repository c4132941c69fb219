/** Live capture end to end on loopback: real tcpdump, real sockets, packets in the live session. */
import { afterEach, describe, expect, it } from 'vitest';
import type { PacketRecord, SessionRecord } from '../core/protocol.ts';
import { correlate } from '../core/correlate/correlate.ts';
import { startLab, type Lab } from './lab.ts';
import { Session } from './hub/session.ts';
import { startLiveCapture } from './live-capture.ts';
import type { CaptureStatus } from '../core/protocol.ts';
import { until } from './testdata/until.ts';

let lab: Lab | undefined;
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});

const packetsOf = (rs: SessionRecord[], conv: string) =>
  rs.filter((r): r is PacketRecord & { recNo: number } => r.type === 'packet' && r.conv === conv);

function flagsOf(p: PacketRecord): string {
  return p.tcp ? p.tcp.flags.join(',') : p.proto;
}

describe('live capture', () => {
  it('puts the real handshake, data and close of a TCP exchange in the live session', async () => {
    lab = await startLab({
      echoHost: '127.0.0.1',
      echoPort: 0,
      capture: true,
      captureTool: 'tcpdump',
      maxRecords: 10000,
    });
    expect(lab.capture().state).toBe('running');
    const res = await lab.send({ transport: 'tcp', message: 'hello, I am A' });
    if (!res.ok) throw new Error(res.error);
    const all = () => lab!.live.since(0).records;
    await until(() => packetsOf(all(), res.conv).length >= 9);
    const pkts = packetsOf(all(), res.conv);
    expect(pkts.slice(0, 3).map(flagsOf)).toEqual(['SYN', 'SYN,ACK', 'ACK']);
    const request = pkts.find((p) => p.len === 13)!;
    expect(request.tcp!.flags).toContain('PSH');
    expect(request.analysis).toMatchObject({
      seq: 1,
      ack: 1,
      from: 'client',
      stream: expect.any(Number),
    });
    // The server's FIN goes first.
    const fins = pkts.filter((p) => p.tcp!.flags.includes('FIN'));
    expect(fins[0]!.analysis!.from).toBe('server');
    expect(fins[0]!.analysis!.states).toEqual({ client: 'CLOSE_WAIT', server: 'FIN_WAIT_1' });
    expect(pkts.at(-1)!.analysis!.states).toEqual({ client: 'CLOSED', server: 'TIME_WAIT' });
    // Packets and socket steps share the µs axis: connect comes after the SYN, accept near the ACK.
    const connect = all().find(
      (r) => r.type === 'step' && r.conv === res.conv && r.kind === 'connect',
    )!;
    expect(connect.time).toBeGreaterThanOrEqual(pkts[0]!.time - 2000);
    expect(Math.abs(connect.time - pkts[0]!.time)).toBeLessThan(1_000_000);

    // Each socket call is tied to the packets it caused.
    await until(
      () =>
        all().filter((r) => r.conv === res.conv && r.type === 'step' && r.kind === 'close')
          .length === 2,
    );
    const conv = all().filter((r) => r.conv === res.conv);
    const links = correlate(conv);
    const stepOf = (side: string, kind: string) =>
      conv.find((r) => r.type === 'step' && r.side === side && r.kind === kind)!;
    const tied = (side: string, kind: string) =>
      (links.get(stepOf(side, kind).recNo) ?? []).map((n) =>
        flagsOf(conv.find((r) => r.recNo === n) as PacketRecord),
      );
    expect(tied('client', 'connect')).toEqual(['SYN']);
    expect(tied('server', 'accept')).toEqual(['ACK']);
    expect(tied('client', 'write')).toEqual(['PSH,ACK']);
    expect(tied('server', 'read')).toEqual(['PSH,ACK']);
    expect(tied('server', 'end')).toEqual(['FIN,ACK']);
    expect(tied('client', 'peer-end')).toEqual(['FIN,ACK']);
  });

  it('captures UDP and the reply', async () => {
    lab = await startLab({
      echoHost: '127.0.0.1',
      echoPort: 0,
      capture: true,
      captureTool: 'auto',
      maxRecords: 10000,
    });
    const res = await lab.send({ transport: 'udp', message: 'ping' });
    if (!res.ok) throw new Error(res.error);
    await until(() => packetsOf(lab!.live.since(0).records, res.conv).length >= 2);
    const pkts = packetsOf(lab.live.since(0).records, res.conv);
    expect(pkts.map((p) => [p.proto, p.analysis?.from, p.len])).toEqual([
      ['UDP', 'client', 4],
      ['UDP', 'server', res.ok ? Buffer.byteLength(res.reply) : 0],
    ]);
  });

  it('says in one sentence when capture cannot start, and the socket view keeps working', async () => {
    const session = new Session('t', 'live', 't', 0, 100);
    const seen: CaptureStatus[] = [];
    const cap = await startLiveCapture({
      tool: 'tcpdump',
      host: '127.0.0.1',
      ports: { tcp: [23999] },
      session: () => session,
      onStatus: (s) => seen.push(s),
      binary: '/nonexistent/tcpdump',
    });
    expect(cap.status().state).toBe('failed');
    expect(cap.status().message).toMatch(/install/i);
    expect(cap.status().message!.split('\n')).toHaveLength(1);
    await cap.stop();
    lab = await startLab({
      echoHost: '127.0.0.1',
      echoPort: 0,
      capture: false,
      captureTool: 'auto',
      maxRecords: 100,
    });
    expect((await lab.send({ transport: 'tcp', message: 'x' })).ok).toBe(true);
  });
});
