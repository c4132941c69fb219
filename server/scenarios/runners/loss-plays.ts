/**
 * Both ends of each loss scenario, as they play inside the impaired namespace (in the child
 * process): a server on LOSS_SERVER_PORT and one client, every socket call tapped.
 */
import { writeFileSync } from 'node:fs';
import type { LossScenarioId } from '../../../core/scenario/scenario-id.ts';
import * as size from '../../../core/scenario/scenario-sizes.ts';
import type { Tap } from '../../echo/tap.ts';
import { classicEcho } from '../../echo/tcp-echo.ts';
import { startTappedTcpServer, type Behaviour } from '../../echo/tapped-tcp-server.ts';
import { keepOpen, keepOpenReply } from '../endpoint-behaviours.ts';
import { sleep } from '../scenario-context.ts';
import { TappedTcpClient } from '../tapped-tcp-client.ts';

const HOST = '127.0.0.1';

/** Reads everything, answers nothing; closes after the peer does. */
const sink: Behaviour = (conn) => conn.onPeerEnd(() => conn.end());

const BEHAVIOURS: Record<LossScenarioId, Behaviour> = {
  'syn-lost': classicEcho,
  'data-lost': sink,
  'ack-lost': sink,
  'fin-lost': keepOpen(),
  blackhole: sink,
};

type Client = (c: TappedTcpClient) => Promise<void>;

const CLIENTS: Record<LossScenarioId, Client> = {
  /** The classic exchange; connect() itself takes the extra second. */
  'syn-lost': async (c) => {
    c.write(Buffer.from(size.CLASSIC_MESSAGE));
    await c.closed;
  },
  'data-lost': async (c) => {
    c.write(new Uint8Array(size.DATA_LOST_BYTES).fill(0x64));
    c.end();
    await c.closed;
  },
  /** Send, leave time for the retransmission the lost ACK causes, then close. */
  'ack-lost': async (c) => {
    c.write(Buffer.from(size.CLASSIC_MESSAGE));
    await sleep(size.LOSS_RECOVERY_WAIT_MS);
    c.end();
    await c.closed;
  },
  /** One request and its reply, then the client closes first: its FIN is the one lost. */
  'fin-lost': async (c) => {
    c.write(Buffer.from(size.CLASSIC_MESSAGE));
    await c.readUntil(Buffer.byteLength(keepOpenReply(size.CLASSIC_MESSAGE)));
    c.end();
    await c.closed;
  },
  /** Send into the void; the kernel retransmits until it gives up and the socket fails. */
  blackhole: async (c) => {
    c.write(Buffer.from(size.CLASSIC_MESSAGE));
    await c.closed;
  },
};

/** Per-namespace sysctls the scenario needs, written from inside the namespace. */
function tuneNamespace(id: LossScenarioId): void {
  if (id === 'blackhole')
    writeFileSync('/proc/sys/net/ipv4/tcp_retries2', String(size.BLACKHOLE_RETRIES2));
}

/**
 * How long the server's side may take to see the close through after the client's (its last
 * steps come a moment later). The blackhole's server never hears of it: nothing to wait for.
 */
const SERVER_GRACE_MS = 1000;

/** Plays the scenario to its end; throws when it could not. */
export async function playLoss(id: LossScenarioId, tap: Tap): Promise<void> {
  tuneNamespace(id);
  const serverClosed: Promise<void>[] = [];
  const behaviour: Behaviour = (conn) => {
    serverClosed.push(new Promise((r) => conn.socket.once('close', () => r())));
    BEHAVIOURS[id](conn);
  };
  const server = await startTappedTcpServer(HOST, tap, behaviour, size.LOSS_SERVER_PORT);
  const sockets: { destroy(): void }[] = [];
  try {
    const client = await TappedTcpClient.connect(server.address, tap, (s) => sockets.push(s));
    await CLIENTS[id](client);
    if (id !== 'blackhole') await Promise.race([Promise.all(serverClosed), sleep(SERVER_GRACE_MS)]);
  } finally {
    for (const s of sockets) s.destroy();
    await server.close();
  }
}
