/** A corpus of malformed requests over raw TCP to a real server: each is answered, none ends it. */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import { malformedRequests } from './malformed-corpus.ts';

let app: App;
beforeAll(async () => {
  app = await startApp(parseServeArgs(['--port', '0', '--echo-port', '0']));
});
afterAll(() => app?.close());

/** Sends raw bytes, returns everything the server wrote until it closed (bounded in time). */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes, 'latin1'));
    let got = '';
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (got += d.slice(0, 4096)));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
  });
}

describe('malformed requests', () => {
  it('answers every one with a status below 500 and keeps serving', async () => {
    const port = Number(new URL(app.url).port);
    const corpus = malformedRequests();
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (let i = 0; i < corpus.length; i += 8) {
      const batch = corpus.slice(i, i + 8);
      const replies = await Promise.all(batch.map((r) => raw(port, r)));
      replies.forEach((reply, j) => {
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const request = JSON.stringify(batch[j]!.slice(0, 80));
        if (status === 0 || status >= 500) failures.push(`${status} for ${request}`);
        if (/root:x:0:0/.test(reply)) failures.push(`file system reached by ${request}`);
        const error = /\r\n\r\n(\{"error":.*)$/s.exec(reply)?.[1];
        if (error !== undefined && error.includes('\n')) failures.push(`multi-line ${request}`);
      });
    }
    expect(failures).toEqual([]);
    expect(statuses.get(400)).toBeGreaterThan(50);

    // Still up: HTTP and socket.io both answer.
    const list = await fetch(new URL('/api/sessions', app.url));
    expect(list.status).toBe(200);
    const socket = connect(app.url, { transports: ['websocket'], reconnection: false });
    const hello = await new Promise((resolve, reject) => {
      socket.once('hello', resolve);
      socket.once('connect_error', reject);
    });
    socket.close();
    expect(hello).toHaveProperty('sessions');
  }, 60_000);
});
