/** A throwing handler on a real HTTP server: one error reply, one log line, the server stays up. */
import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardHandler } from './guard-handler.ts';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

describe('guardHandler', () => {
  it.each([
    { name: 'a synchronous throw', handler: () => JSON.parse('{') as void },
    { name: 'a rejected promise', handler: async () => Promise.reject(new Error('boom\nsecond')) },
  ])('turns $name into a 500 with one line, and logs one line', async ({ handler }) => {
    const lines: string[] = [];
    const base = await serve(guardHandler(handler, (l) => lines.push(l)));
    const res = await fetch(`${base}/x%0a?y`);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body.split('\n')).toHaveLength(1);
    expect(JSON.parse(body)).toEqual({ error: 'The server could not answer this request.' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect((await fetch(`${base}/again`)).status).toBe(500);
  });
});
