/**
 * Same-origin checks for socket.io handshakes and API writes. Browsers send Origin on every
 * cross-origin request, on WebSocket handshakes and on POSTs; it must name the Host asked for.
 * Requests without Origin (curl, socket.io-client in Node) come from no other site's page.
 */
import type http from 'node:http';

export function sameOrigin(headers: http.IncomingHttpHeaders): boolean {
  if (headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

/**
 * Content types a cross-origin form or fetch may send without asking first (CORS "simple"):
 * a write carrying one of them, or none, could come from any page, so writes refuse them.
 */
const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];

export function isCorsSimpleType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === '' || SIMPLE_TYPES.includes(type);
}
