/**
 * Finds the network interface that carries traffic to a host address, so capture listens where the
 * echo endpoints talk: loopback addresses → 'lo', wildcard addresses → 'any', others by lookup.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';

type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Strips brackets (`[::1]`), an IPv4-mapped prefix (`::ffff:127.0.0.1`) and case. */
function normalize(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.startsWith('::ffff:') && isIP(h.slice(7)) === 4) h = h.slice(7);
  return h;
}

function isLoopback(h: string): boolean {
  if (h === 'localhost' || h === 'localhost.' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return isIP(h) === 6 && (h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h));
}

/**
 * The interface name for `host`, or undefined when no local interface holds that address (the
 * caller may then fall back to 'any'). `interfaces` defaults to os.networkInterfaces().
 */
export function interfaceFor(
  host: string,
  interfaces: InterfaceTable = networkInterfaces(),
): string | undefined {
  const h = normalize(host);
  if (h === '' || h === '0.0.0.0' || h === '::' || h === '*') return 'any';
  if (isLoopback(h)) return 'lo';
  for (const [name, addresses] of Object.entries(interfaces)) {
    // Link-local IPv6 addresses come with a zone (`fe80::1%eth0`) that the table leaves out.
    if (addresses?.some((a) => normalize(a.address) === h.split('%')[0])) return name;
  }
  return undefined;
}
