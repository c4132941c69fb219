/** Scenarios that move one TCP connection step by step: client-closes, refused, reset, multi-message, keepalive. */
import {
  CLASSIC_MESSAGE,
  KEEPALIVE_IDLE_MS,
  KEEPALIVE_MS,
  MULTI_ROUNDS,
} from '../../../core/scenario/scenario-sizes.ts';
import { conversationId } from '../../../core/conversation-id.ts';
import type { Endpoint } from '../../../core/protocol.ts';
import { tcpReply } from '../../echo/tcp-echo.ts';
import { keepOpenReply } from '../endpoint-behaviours.ts';
import { freeTcpPort } from '../free-port.ts';
import { sleep, type ScenarioContext, type ScenarioRunner } from '../scenario-context.ts';
import { TappedTcpClient, type ClientOptions } from '../tapped-tcp-client.ts';

export async function open(
  ctx: ScenarioContext,
  target: Endpoint,
  opts: ClientOptions = {},
): Promise<TappedTcpClient> {
  const c = await TappedTcpClient.connect(target, ctx.tap, (s) => ctx.track(s), opts);
  ctx.addConv(c.conv);
  return c;
}

/** Send, half-close at once, then read the reply the server still sends. */
export const clientCloses: ScenarioRunner = async (ctx) => {
  const c = await open(ctx, ctx.targets.echo);
  c.write(Buffer.from(CLASSIC_MESSAGE));
  c.end();
  await c.closed;
  const want = Buffer.byteLength(tcpReply(CLASSIC_MESSAGE));
  if (c.received < want) throw new Error(`The server replied ${c.received} of ${want} bytes.`);
};

/** From a known local port, so the conversation is named even though connect() fails. */
export const refused: ScenarioRunner = async (ctx) => {
  const target = ctx.targets.closedTcpPort;
  const localPort = await freeTcpPort(target.address);
  let c: TappedTcpClient;
  try {
    c = await TappedTcpClient.connect(target, ctx.tap, (s) => ctx.track(s), { localPort });
  } catch (err) {
    ctx.addConv(conversationId('tcp', { address: target.address, port: localPort }, target));
    if ((err as NodeJS.ErrnoException).code === 'ECONNREFUSED') return;
    throw err;
  }
  ctx.addConv(c.conv);
  c.end();
  await c.closed;
  throw new Error(
    `Something listens on ${target.address}:${target.port}: the connection was accepted.`,
  );
};

/** Send, read the reply, then abort: RST instead of FIN. */
export const reset: ScenarioRunner = async (ctx) => {
  const c = await open(ctx, ctx.targets.keepOpenEcho);
  c.write(Buffer.from(CLASSIC_MESSAGE));
  await c.readUntil(Buffer.byteLength(keepOpenReply(CLASSIC_MESSAGE)));
  c.reset();
  await c.closed;
};

export const multiMessage: ScenarioRunner = async (ctx) => {
  const c = await open(ctx, ctx.targets.keepOpenEcho);
  let expected = 0;
  for (let i = 1; i <= MULTI_ROUNDS; i++) {
    const msg = `message ${i} of ${MULTI_ROUNDS}`;
    expected += Buffer.byteLength(keepOpenReply(msg));
    c.write(Buffer.from(msg));
    await c.readUntil(expected);
  }
  c.end();
  await c.closed;
};

/** Connect and say nothing: the classic echo waits for data, keep-alive probes keep asking. */
export const keepalive: ScenarioRunner = async (ctx) => {
  const c = await open(ctx, ctx.targets.echo, { keepAliveMs: KEEPALIVE_MS });
  await sleep(KEEPALIVE_IDLE_MS);
  c.end();
  await c.closed;
};
