/** Which end of a flow is the client, and the key both directions of a flow share. */
import type { Endpoint, Transport } from '../types.ts';

/** Same key for A→B and B→A (built for every packet, so without formatting the endpoints). */
export function flowKey(transport: Transport, a: Endpoint, b: Endpoint): string {
  const aFirst = a.address < b.address || (a.address === b.address && a.port < b.port);
  return aFirst
    ? `${transport} ${a.address} ${a.port} ${b.address} ${b.port}`
    : `${transport} ${b.address} ${b.port} ${a.address} ${a.port}`;
}

/**
 * Whether `src` is the client of a flow first seen with `src → dst`, when no SYN says so:
 * a port in `serverPorts` is the server's; otherwise for TCP the higher port is the client
 * (ties: the greater address), and for UDP the first sender is.
 */
export function srcIsClient(
  transport: Transport,
  src: Endpoint,
  dst: Endpoint,
  serverPorts: ReadonlySet<number>,
): boolean {
  const srcServer = serverPorts.has(src.port);
  const dstServer = serverPorts.has(dst.port);
  if (srcServer !== dstServer) return dstServer;
  if (transport === 'udp') return true;
  if (src.port !== dst.port) return src.port > dst.port;
  return src.address > dst.address;
}
