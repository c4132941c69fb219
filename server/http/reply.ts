/** JSON replies of the API: a body, or one line `{ "error": "…" }` with its status. */
import type http from 'node:http';

export function replyJson(res: http.ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
  return true;
}

export function replyError(res: http.ServerResponse, status: number, error: string): true {
  return replyJson(res, status, { error });
}
