/** Conversation ids shared by socket steps and packets: the same flow gets the same id on both. */
import type { Endpoint, Transport } from './types.ts';

/** `[::1]:80` for IPv6, `127.0.0.1:80` for IPv4. */
export function formatEndpoint(e: Endpoint): string {
  return e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
}

/** Strip the IPv4-mapped prefix Node gives on dual-stack sockets (`::ffff:127.0.0.1`). */
export function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** `tcp 127.0.0.1:50000 > 127.0.0.1:23333`: client first, then server. */
export function conversationId(transport: Transport, client: Endpoint, server: Endpoint): string {
  return `${transport} ${formatEndpoint(client)} > ${formatEndpoint(server)}`;
}
