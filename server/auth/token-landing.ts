/**
 * First load of the presenter URL (`/?token=…`): the token moves into the presenter cookie and
 * the page is reloaded at the same path without it, so it leaves the address bar and history.
 */
import type http from 'node:http';
import { presenterCookie } from './cookies.ts';
import { tokenMatches } from './presenter-token.ts';
import type { Roles } from './roles.ts';

/** Answers (a 303 to the same path) when the query names a token; false otherwise. */
export function tokenLanding(
  roles: Roles,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: { pathname: string; query: URLSearchParams },
): boolean {
  if (!url.query.has('token') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const rest = new URLSearchParams(url.query);
  rest.delete('token');
  const search = rest.toString();
  const headers: http.OutgoingHttpHeaders = {
    // pathname starts with exactly one '/' (parseRequestUrl): never a redirect to another host.
    location: search ? `${url.pathname}?${search}` : url.pathname,
    'cache-control': 'no-store',
  };
  if (tokenMatches(roles.token, url.query.get('token') ?? undefined)) {
    headers['set-cookie'] = presenterCookie(roles.token);
  }
  res.writeHead(303, headers);
  res.end();
  return true;
}
