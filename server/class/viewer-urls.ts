/**
 * The addresses other machines can open the page at: the bound address itself, or, when bound
 * to every interface (0.0.0.0 / ::), each non-internal address of this machine.
 */
import os from 'node:os';
import { formatEndpoint } from '../../core/conversation-id.ts';
import type { ViewerUrls } from '../../core/class/class-protocol.ts';

const ANY = new Set(['0.0.0.0', '::', '']);

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === 'localhost';
}

/** `interfaces` is os.networkInterfaces() (a parameter so tests can give their own). */
export function viewerUrls(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): ViewerUrls {
  const url = (address: string) => `http://${formatEndpoint({ address, port })}/`;
  if (!ANY.has(host)) return { urls: [url(host)], loopbackOnly: isLoopback(host) };
  const v4: string[] = [];
  const v6: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) {
      if (i.internal) continue;
      if (i.family === 'IPv4') v4.push(i.address);
      // Link-local IPv6 needs a zone id in the URL, which browsers refuse: leave it out.
      else if (host === '::' && !i.address.toLowerCase().startsWith('fe80:')) v6.push(i.address);
    }
  }
  const found = [...v4, ...v6];
  if (found.length === 0) return { urls: [url('127.0.0.1')], loopbackOnly: true };
  return { urls: found.map(url), loopbackOnly: false };
}
