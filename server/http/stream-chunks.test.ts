/** streamChunks on a real HTTP server: it pulls chunks only as fast as the client reads them. */
import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { streamChunks } from './stream-chunks.ts';

const CHUNK = 64 * 1024;
const COUNT = 1000; // 64 MiB if all were buffered

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A server streaming COUNT chunks; `state` tells how many were pulled and whether it finished. */
async function serve() {
  const state = { pulled: 0, finished: false };
  function* chunks() {
    try {
      for (let i = 0; i < COUNT; i++) {
        state.pulled++;
        yield new Uint8Array(CHUNK).fill(i % 251);
      }
    } finally {
      state.finished = true;
    }
  }
  server = http.createServer((_req, res) => void streamChunks(res, chunks()));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return { state, port };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('streamChunks', () => {
  it('waits for drain: a client that does not read holds back the rest of the file', async () => {
    const { state, port } = await serve();
    const res = await new Promise<http.IncomingMessage>((resolve) =>
      http.get({ host: '127.0.0.1', port, agent: false }, resolve),
    );
    res.pause();
    await sleep(300);
    // Socket buffers hold a few MiB at most; nowhere near the 64 MiB of the whole file.
    expect(state.pulled).toBeLessThan(COUNT / 5);
    let bytes = 0;
    res.on('data', (d: Buffer) => (bytes += d.length));
    res.resume();
    await new Promise((r) => res.on('end', r));
    expect(bytes).toBe(CHUNK * COUNT);
    expect(state.pulled).toBe(COUNT);
  });

  it('stops pulling chunks once the client has gone', async () => {
    const { state, port } = await serve();
    const req = http.get({ host: '127.0.0.1', port, agent: false }, (res) => {
      res.pause();
      setTimeout(() => req.destroy(), 100);
    });
    req.on('error', () => undefined);
    const end = Date.now() + 3000;
    while (!state.finished && Date.now() < end) await sleep(20);
    expect(state.finished).toBe(true);
    expect(state.pulled).toBeLessThan(COUNT);
  });
});
