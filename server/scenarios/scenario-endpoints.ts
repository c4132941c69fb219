/**
 * The extra endpoints some scenarios need beside the classic echo: echo-everything, keep-open,
 * slow reader, tally, a classic echo on ::1, and one closed TCP and one closed UDP port.
 * Start them before the lab, so the capture filter can cover their ports.
 */
import type { Endpoint } from '../../core/protocol.ts';
import type { Tap } from '../echo/tap.ts';
import { startTcpEcho } from '../echo/tcp-echo.ts';
import { freeTcpPort, freeUdpPort } from './free-port.ts';
import { echoEverything, keepOpen, slowReader, tally } from './endpoint-behaviours.ts';
import { startTappedTcpServer } from '../echo/tapped-tcp-server.ts';

export interface ScenarioEndpoints {
  bulkEcho: Endpoint;
  keepOpenEcho: Endpoint;
  slowReader: Endpoint;
  tally: Endpoint;
  /** The classic echo on ::1; null when this machine has no IPv6 loopback. */
  ipv6Echo: Endpoint | null;
  /** Ports where nothing listens (bound, read, closed). */
  closedTcpPort: Endpoint;
  closedUdpPort: Endpoint;
  /** Every port above, for the capture filter. */
  ports: { tcp: number[]; udp: number[] };
  close(): Promise<void>;
}

/**
 * The scenario endpoints listen on loopback whatever `--echo-host` says: keep-open, slow reader and
 * the rest exist for the presenter's scenarios, not for the network. IPv6 loopback when the echo
 * is bound to `::1`, else 127.0.0.1.
 */
export function scenarioHost(echoHost: string): string {
  const h = echoHost
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === '::1' ? '::1' : '127.0.0.1';
}

export async function startScenarioEndpoints(
  echoHost: string,
  tap: Tap,
): Promise<ScenarioEndpoints> {
  const host = scenarioHost(echoHost);
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const c of closers.splice(0).reverse()) await c().catch(() => undefined);
  };
  try {
    const start = async (b: Parameters<typeof startTappedTcpServer>[2]) => {
      const s = await startTappedTcpServer(host, tap, b);
      closers.push(() => s.close());
      return s.address;
    };
    const bulkEcho = await start(echoEverything);
    const keepOpenEcho = await start(keepOpen());
    const slow = await start(slowReader());
    const tallyEp = await start(tally);
    let ipv6Echo: Endpoint | null = null;
    try {
      const v6 = await startTcpEcho('::1', 0, tap);
      closers.push(() => v6.close());
      ipv6Echo = v6.address;
    } catch {
      ipv6Echo = null; // no ::1 here: the ipv6 scenario says so when run
    }
    const closedTcpPort = { address: host, port: await freeTcpPort(host) };
    const closedUdpPort = { address: host, port: await freeUdpPort(host) };
    const tcp = [bulkEcho, keepOpenEcho, slow, tallyEp, ipv6Echo, closedTcpPort]
      .filter((e): e is Endpoint => e !== null)
      .map((e) => e.port);
    return {
      bulkEcho,
      keepOpenEcho,
      slowReader: slow,
      tally: tallyEp,
      ipv6Echo,
      closedTcpPort,
      closedUdpPort,
      ports: { tcp, udp: [closedUdpPort.port] },
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
