/**
 * Where a scenario may connect: the project's own endpoints, or a host:port the operator named on
 * the command line with --allow-target. The page has no way to add one.
 */
import net from 'node:net';
import type { Endpoint } from '../../core/protocol.ts';

/** `127.0.0.1:7`, `[::1]:7`; null when it is not an IP address and a port from 1 to 65535. */
export function parseTarget(text: string): Endpoint | null {
  const m = /^\[([^\]]+)\]:(\d{1,5})$/.exec(text) ?? /^([^:[\]]+):(\d{1,5})$/.exec(text);
  if (!m) return null;
  const address = m[1] === 'localhost' ? '127.0.0.1' : m[1]!;
  const port = Number(m[2]);
  if (!net.isIP(address) || port < 1 || port > 65535) return null;
  return { address, port };
}

export function isAllowed(target: Endpoint, allowed: readonly Endpoint[]): boolean {
  return allowed.some((a) => a.address === target.address && a.port === target.port);
}
