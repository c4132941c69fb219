/**
 * The server-side check of every HTTP write (share a file, delete…): same origin, not a
 * content type another site's form could send, and the presenter's cookie.
 */
import type http from 'node:http';
import type { Roles } from './roles.ts';
import { isCorsSimpleType, sameOrigin } from './same-origin.ts';

export interface Refusal {
  status: number;
  error: string;
}

export function writeRefusal(roles: Roles, req: http.IncomingMessage): Refusal | undefined {
  if (!sameOrigin(req.headers)) {
    return { status: 403, error: 'Requests from another site may not change anything here.' };
  }
  if (req.method === 'POST' && isCorsSimpleType(req.headers['content-type'])) {
    return { status: 415, error: 'Send the body as application/octet-stream.' };
  }
  if (roles.roleOf(req.headers) !== 'presenter') {
    return { status: 403, error: 'Only the presenter can do this.' };
  }
  return undefined;
}
