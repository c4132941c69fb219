/**
 * A client that connects again from the address and port of its closed connection starts a new
 * conversation: real sockets on loopback, with and without real tcpdump, the taps and the capture
 * agreeing on the new id and the session's summaries listing it as the newest.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { PacketRecord, SessionRecord, SocketStep } from '../core/protocol.ts';
import { conversationId } from '../core/conversation-id.ts';
import { startLab, type Lab } from './lab.ts';
import { TappedTcpClient } from './scenarios/tapped-tcp-client.ts';
import { freeTcpPort, freeUdpPort } from './scenarios/free-port.ts';
import { step } from './echo/tap.ts';
import { until } from './testdata/until.ts';

const HOST = '127.0.0.1';

let lab: Lab | undefined;
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});

/** How the first connection ends before the second one takes its address and port. */
type Ending =
  | 'client-reset' // the client resets after the reply: no TIME_WAIT on either side
  | 'server-first'; // the echo closes first, the client answers with its FIN (server in TIME_WAIT)

/** An untapped client (a student's program): one message, the reply, then the ending asked for. */
function outsideExchange(localPort: number, ending: Ending, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: HOST, port: lab!.echo.port, localAddress: HOST, localPort });
    s.on('error', reject);
    s.on('connect', () => s.write(message));
    s.on('data', () => {
      if (ending === 'client-reset') s.resetAndDestroy();
    });
    s.on('end', () => s.end());
    s.on('close', () => resolve());
  });
}

/** The scenarios' tapped client (both sides tapped), from `localPort`, ending as asked. */
async function tappedExchange(localPort: number, ending: Ending, message: string): Promise<void> {
  const c = await TappedTcpClient.connect(lab!.echo, lab!.tap, () => undefined, { localPort });
  c.write(Buffer.from(message));
  await c.readUntil(1);
  if (ending === 'client-reset') c.reset();
  await c.closed;
}

const steps = (rs: SessionRecord[], kind: string) =>
  rs.filter((r): r is SocketStep & { recNo: number } => r.type === 'step' && r.kind === kind);
const synsOf = (rs: SessionRecord[]) =>
  rs.filter(
    (r): r is PacketRecord & { recNo: number } =>
      r.type === 'packet' && r.tcp?.flags.join(',') === 'SYN',
  );

describe('a client reusing the address and port of its closed connection', () => {
  const cases = (['client-reset', 'server-first'] as const).flatMap((ending) =>
    [false, true].flatMap((capture) =>
      (['outside', 'tapped'] as const).map((client) => ({ ending, capture, client })),
    ),
  );
  it.each(cases)(
    'starts a new conversation ($client client, $ending, capture $capture)',
    async ({ ending, capture, client }) => {
      lab = await startLab({
        echoHost: HOST,
        echoPort: 0,
        capture,
        captureTool: 'tcpdump',
        maxRecords: 10_000,
      });
      if (capture) expect(lab.capture().state).toBe('running');
      const localPort = await freeTcpPort(HOST);
      const base = conversationId('tcp', { address: HOST, port: localPort }, lab.echo);
      const second = `${base} #2`;
      const exchange = client === 'outside' ? outsideExchange : tappedExchange;
      const all = () => lab!.live.since(0).records;
      const serverClosed = (conv: string) =>
        steps(all(), 'close').some((r) => r.side === 'server' && r.conv === conv);

      await exchange(localPort, ending, 'first');
      await until(() => serverClosed(base), 'the echo closed the first connection');
      await exchange(localPort, ending, 'second');
      await until(() => serverClosed(second), 'the echo closed the second connection');

      // The taps: one accept (and one connect when the client is tapped) per connection.
      expect(steps(all(), 'accept').map((r) => r.conv)).toEqual([base, second]);
      const reads = steps(all(), 'read').filter((r) => r.side === 'server');
      expect(reads.map((r) => [r.conv, r.preview?.text])).toEqual([
        [base, 'first'],
        [second, 'second'],
      ]);
      if (client === 'tapped') {
        expect(steps(all(), 'connect').map((r) => r.conv)).toEqual([base, second]);
      }
      // Every record of the pair is in one of the two conversations.
      const pairRecords = all().filter((r) => r.conv?.startsWith(base));
      expect(new Set(pairRecords.map((r) => r.conv))).toEqual(new Set([base, second]));

      if (capture) {
        // The capture: each SYN opens its own stream, named as the taps named the connection.
        await until(() => synsOf(all()).length >= 2, 'both SYNs were captured');
        await until(
          () =>
            all().some(
              (r) => r.type === 'packet' && r.conv === second && r.tcp?.flags.includes('FIN'),
            ),
          'the second connection closed on the wire',
        );
        const syns = synsOf(all());
        expect(syns.map((p) => p.conv)).toEqual([base, second]);
        const streamsOf = (conv: string) =>
          new Set(
            all()
              .filter(
                (r): r is PacketRecord & { recNo: number } =>
                  r.type === 'packet' && r.conv === conv,
              )
              .map((p) => p.analysis?.stream),
          );
        expect(streamsOf(base)).toEqual(new Set([syns[0]!.analysis!.stream]));
        expect(streamsOf(second)).toEqual(new Set([syns[1]!.analysis!.stream]));
        expect(syns[1]!.analysis!.stream).not.toBe(syns[0]!.analysis!.stream);
        // The second connection's packets start with its own handshake.
        const secondPackets = all().filter((r) => r.type === 'packet' && r.conv === second);
        expect(
          secondPackets.slice(0, 3).map((p) => (p as PacketRecord).tcp!.flags.join(',')),
        ).toEqual(['SYN', 'SYN,ACK', 'ACK']);
      }

      // The summaries: two conversations, the second one newest, each with its own message.
      const summaries = lab.live.summaries.all().filter((s) => s.conv.startsWith(base));
      expect(summaries.map((s) => s.conv)).toEqual([base, second]);
      expect(summaries[1]!.firstRecNo).toBeGreaterThan(summaries[0]!.firstRecNo!);
      expect(summaries[1]!.client).toEqual({ address: HOST, port: localPort });
      // Each ended on its own: a reset is the client's RST, or ECONNRESET when only the echo saw it.
      for (const s of summaries) {
        if (ending === 'server-first') expect(s.ending).toBe('fin-server');
        else expect(['rst-client', 'error']).toContain(s.ending);
      }
      expect(lab.live.summaries.all().at(-1)!.conv).toBe(second);
    },
  );
});

/**
 * One datagram from a new socket bound to `localPort` and its reply; with `tapped`, the socket's
 * calls are tapped as the built-in UDP client taps them (send, receive, close).
 */
async function udpExchange(localPort: number, message: string, tapped: boolean): Promise<void> {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => sock.bind(localPort, HOST, () => resolve()));
  const local = { address: HOST, port: localPort };
  const remote = lab!.echo;
  const base = {
    side: 'client',
    transport: 'udp',
    local,
    remote,
    conv: conversationId('udp', local, remote),
  } as const;
  const reply = new Promise<void>((resolve) => sock.once('message', () => resolve()));
  if (tapped) lab!.tap(step({ ...base, kind: 'udp-send', bytes: message.length }));
  sock.send(message, remote.port, remote.address);
  await reply;
  if (tapped) lab!.tap(step({ ...base, kind: 'udp-recv', bytes: 1 }));
  await new Promise<void>((resolve) => sock.close(() => resolve()));
  if (tapped) lab!.tap(step({ ...base, kind: 'close' }));
}

describe('a UDP client sending again from the same address and port', () => {
  it.each([
    { tapped: true, expected: ['', '#2'] },
    { tapped: false, expected: ['', ''] },
  ])(
    'is a new conversation only when its closed socket was tapped (tapped $tapped)',
    async ({ tapped, expected }) => {
      lab = await startLab({
        echoHost: HOST,
        echoPort: 0,
        capture: true,
        captureTool: 'tcpdump',
        maxRecords: 10_000,
      });
      expect(lab.capture().state).toBe('running');
      const localPort = await freeUdpPort(HOST);
      const plain = conversationId('udp', { address: HOST, port: localPort }, lab.echo);
      const all = () => lab!.live.since(0).records.filter((r) => r.conv?.startsWith(plain));
      await udpExchange(localPort, 'first', tapped);
      await until(() => all().filter((r) => r.type === 'packet').length >= 2, 'first captured');
      await udpExchange(localPort, 'second', tapped);
      await until(() => all().filter((r) => r.type === 'packet').length >= 4, 'second captured');
      const suffix = (conv: string | undefined) => conv!.slice(plain.length).trim();
      // The echo's receive steps and the captured datagrams agree, exchange by exchange.
      const recvs = all().filter(
        (r) => r.type === 'step' && r.kind === 'udp-recv' && r.side === 'server',
      );
      expect(recvs.map((r) => suffix(r.conv))).toEqual(expected);
      const toEcho = all().filter((r) => r.type === 'packet' && r.dport === lab!.echo.port);
      expect(toEcho.map((r) => suffix(r.conv))).toEqual(expected);
      expect(lab.live.summaries.all().at(-1)!.conv).toBe(`${plain} ${expected[1]}`.trim());
    },
  );
});
