/**
 * Who is presenter. Roles are on when the page is reachable from other machines (bound to a
 * non-loopback address) or a token was given; then only a request carrying the token — in the
 * presenter cookie — is presenter. With roles off, every page is presenter, as at one desk.
 */
import type http from 'node:http';
import type { Role } from '../../core/protocol.ts';
import { readCookie, TOKEN_COOKIE } from './cookies.ts';
import { createToken, tokenMatches } from './presenter-token.ts';

export interface Roles {
  /** False on a loopback bind without --token: everyone is presenter. */
  readonly enabled: boolean;
  readonly token: string;
  roleOf(headers: http.IncomingHttpHeaders): Role;
}

export function isLoopbackHost(host: string): boolean {
  return host === '::1' || host.startsWith('127.') || host === 'localhost';
}

export function createRoles(opts: { host: string; token?: string }): Roles {
  const enabled = opts.token !== undefined || !isLoopbackHost(opts.host);
  const token = opts.token ?? createToken();
  return {
    enabled,
    token,
    roleOf: (headers) =>
      !enabled || tokenMatches(token, readCookie(headers.cookie, TOKEN_COOKIE))
        ? 'presenter'
        : 'viewer',
  };
}
