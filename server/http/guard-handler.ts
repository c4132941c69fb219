/**
 * Wraps an HTTP handler so whatever it throws (synchronously or from its promise) becomes a
 * one-line JSON error reply and one log line, never an uncaught exception that ends the process.
 */
import type http from 'node:http';
import { replyError } from './reply.ts';

export type AsyncListener = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => void | Promise<void>;

export type LogLine = (line: string) => void;

export const logToStderr: LogLine = (line) => process.stderr.write(`packet-ladder: ${line}\n`);

export function guardHandler(handler: AsyncListener, log: LogLine = logToStderr): AsyncListener {
  const onError = (req: http.IncomingMessage, res: http.ServerResponse, err: unknown): void => {
    const what = err instanceof Error ? err.message : String(err);
    log(`${req.method ?? '?'} ${oneLine(req.url ?? '')} failed: ${oneLine(what)}`);
    if (!res.headersSent) replyError(res, 500, 'The server could not answer this request.');
    else res.destroy();
  };
  return (req, res) => {
    try {
      const done = handler(req, res);
      if (done instanceof Promise) done.catch((err: unknown) => onError(req, res, err));
    } catch (err) {
      onError(req, res, err);
    }
  };
}

/** A log line stays one line and short whatever the client put in its request. */
function oneLine(text: string): string {
  return JSON.stringify(text.slice(0, 200)).slice(1, -1);
}
