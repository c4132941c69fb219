/** The built-in clients' exchanges, with their conversation registered even when they fail. */
import type { Endpoint } from '../../../core/protocol.ts';
import { ClientError, tcpExchange } from '../../clients/tcp-client.ts';
import { udpExchange } from '../../clients/udp-client.ts';
import type { ScenarioContext } from '../scenario-context.ts';

export async function exchange(
  ctx: ScenarioContext,
  transport: 'tcp' | 'udp',
  target: Endpoint,
  message: string,
): Promise<string> {
  const bytes = Buffer.from(message, 'utf8');
  try {
    const r = await (transport === 'tcp'
      ? tcpExchange(target, bytes, ctx.tap)
      : udpExchange(target, bytes, ctx.tap));
    ctx.addConv(r.conv);
    return r.reply;
  } catch (err) {
    if (err instanceof ClientError && err.conv) ctx.addConv(err.conv);
    throw err;
  }
}
