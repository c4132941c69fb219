/** Which end of a flow is the client, and the key both directions of a flow share. */
import type { Endpoint, Transport } from '../types.ts';

/** A number for one end of a flow (FNV-1a over the address, seeded by the port). */
function endpointHash(address: string, port: number): number {
  let h = Math.imul(port + 1, 0x9e3779b1);
  for (let i = 0; i < address.length; i++) h = Math.imul(h ^ address.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Same number for A→B and B→A, made for every packet without building a string: flows with the
 * same number are told apart by their endpoints (see FlowTable). A small integer, as maps like.
 */
export function flowHash(
  transport: Transport,
  aAddress: string,
  aPort: number,
  bAddress: string,
  bPort: number,
): number {
  const a = endpointHash(aAddress, aPort);
  const b = endpointHash(bAddress, bPort);
  const h = Math.imul(a ^ b, 0x85ebca6b) + a + b + (transport === 'udp' ? 0x5bd1e995 : 0);
  return (h ^ (h >>> 15)) & 0x3fffffff;
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
