/**
 * HTTP limits on a real server: security headers on every answer, shared file names cleaned,
 * a stalled upload cut off, concurrent uploads capped, downloads streamed with backpressure.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const realWrite = http.ServerResponse.prototype.write;
import { writePcap } from '../../core/pcap/index.ts';
import type { SessionInfo } from '../../core/protocol.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import { handshakeFrames } from '../cli/testdata/handshake-frames.ts';
import { cleanFileName } from './share-upload.ts';
import { DIST_DIR } from './static-files.ts';

let app: App;
/** A second server with a 2 s upload timeout and one upload at a time. */
let strict: App;
beforeAll(async () => {
  app = await startApp(parseServeArgs(['--port', '0', '--echo-port', '0']));
  strict = await startApp(
    parseServeArgs([
      '--port',
      '0',
      '--echo-port',
      '0',
      '--upload-timeout',
      '2',
      '--max-uploads',
      '1',
    ]),
  );
});
afterAll(async () => {
  await app?.close();
  await strict?.close();
});

const port = (a = app) => Number(new URL(a.url).port);
const octets = { 'content-type': 'application/octet-stream' };

/** A capture of `n` frames of about `size` bytes each (the handshake's SYN, padded). */
function bigCapture(n: number, size: number): Uint8Array<ArrayBuffer> {
  const syn = handshakeFrames()[0]!;
  const data = new Uint8Array(size);
  data.set(syn.data);
  const frames = Array.from({ length: n }, (_, i) => ({ ...syn, time: syn.time + i, data }));
  return new Uint8Array(writePcap(frames, 1));
}

/**
 * Starts a POST and sends only its headers and a capture header; the body never completes.
 * Resolves once the server has taken the upload (its `100 Continue` is written just before the
 * request handler runs), with the final answer to come.
 */
function stalledUpload(): Promise<{ answer: Promise<{ status: number; socket: net.Socket }> }> {
  return new Promise((taken) => {
    const socket = net.connect(port(strict), '127.0.0.1', () => {
      socket.write(
        'POST /api/sessions?name=slow HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          'Content-Type: application/octet-stream\r\nContent-Length: 1000000\r\n' +
          'Expect: 100-continue\r\n\r\n',
      );
    });
    let got = '';
    socket.setEncoding('latin1');
    const answer = new Promise<{ status: number; socket: net.Socket }>((resolve) =>
      socket.on('data', (d: string) => {
        const first = got === '';
        got += d;
        if (first && got.startsWith('HTTP/1.1 100')) {
          // A capture's header, then nothing: the server waits on the client.
          socket.write(writePcap(handshakeFrames(), 1).subarray(0, 24));
          got = got.replace(/^HTTP\/1\.1 100[^\n]*\r\n\r\n/, '');
          taken({ answer });
        }
        const m = /^HTTP\/1\.1 ([2-5]\d{2})/.exec(got);
        if (m) resolve({ status: Number(m[1]), socket });
      }),
    );
    socket.on('error', () => undefined);
  });
}

describe('HTTP limits', () => {
  it.each(['/', '/api/sessions', '/api/nothing', '//[/x'])(
    'sets security headers on %s',
    async (p) => {
      const res = await new Promise<http.IncomingMessage>((resolve) =>
        http.get({ host: '127.0.0.1', port: port(), path: p }, (r) => resolve(r.resume())),
      );
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it('serves a page without inline scripts (the policy allows none)', () => {
    const html = fs.readFileSync(`${DIST_DIR}/index.html`, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son\w+=/);
  });

  it.each([
    { name: 'report\u202Egnp.pcap', expected: 'reportgnp.pcap' },
    { name: 'a\u2066b\u2069c\u200E\u200F.pcap', expected: 'abc.pcap' },
    { name: 'line\nbreak\u0000.pcap', expected: 'linebreak.pcap' },
    { name: '\u202A\u202B', expected: 'capture' },
  ])('cleans the shared file name $name', async ({ name, expected }) => {
    expect(cleanFileName(name)).toBe(expected);
  });

  it('names a shared session without bidi overrides', async () => {
    const res = await fetch(
      new URL(`/api/sessions?name=${encodeURIComponent('evil\u202Eppa.pcap')}`, app.url),
      { method: 'POST', headers: octets, body: Buffer.from(writePcap(handshakeFrames(), 1)) },
    );
    expect(((await res.json()) as SessionInfo).title).toBe('evilppa.pcap');
  });

  it('cuts off a stalled upload after --upload-timeout and refuses a second at once', async () => {
    const started = Date.now();
    const first = await stalledUpload();
    const second = await fetch(new URL('/api/sessions?name=two', strict.url), {
      method: 'POST',
      headers: octets,
      body: Buffer.from(writePcap(handshakeFrames(), 1)),
    });
    expect(second.status).toBe(429);
    const { status, socket } = await first.answer;
    socket.destroy();
    expect(status).toBe(408);
    // Cut by the 2 s --upload-timeout, well before the default 15 s would have.
    expect(Date.now() - started).toBeLessThan(12_000);
    // The slot is free again.
    const third = await fetch(new URL('/api/sessions?name=three', strict.url), {
      method: 'POST',
      headers: octets,
      body: Buffer.from(writePcap(handshakeFrames(), 1)),
    });
    expect(third.status).toBe(201);
  });

  it('streams downloads: clients that never read hold a bounded amount of memory', async () => {
    const res = await fetch(new URL('/api/sessions?name=big.pcap', app.url), {
      method: 'POST',
      headers: octets,
      body: bigCapture(15_000, 1400),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as SessionInfo;
    // Bytes the server hands to the download responses (queued in memory unless the socket
    // takes them): with backpressure, about what the kernel's loopback buffers hold.
    let written = 0;
    const write = vi.spyOn(http.ServerResponse.prototype, 'write');
    write.mockImplementation(function (this: http.ServerResponse, ...args: unknown[]) {
      written += (args[0] as Uint8Array).length;
      return (realWrite as (...a: unknown[]) => boolean).apply(this, args);
    });
    // 3 downloads of ~21 MB each, never read: without backpressure all ~63 MB are queued.
    const sockets = Array.from({ length: 3 }, () => {
      const s = net.connect(port(), '127.0.0.1', () =>
        s.write(`GET /api/sessions/${id}/capture.pcapng HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`),
      );
      s.pause();
      s.on('error', () => undefined);
      return s;
    });
    await new Promise((r) => setTimeout(r, 1500));
    write.mockRestore();
    expect(written).toBeLessThan(15 * 1024 * 1024);
    // A client that reads gets the whole file.
    const whole = await fetch(new URL(`/api/sessions/${id}/capture.pcapng`, app.url));
    expect((await whole.arrayBuffer()).byteLength).toBeGreaterThan(15_000 * 1400);
    for (const s of sockets) s.destroy();
  }, 120_000);
});
