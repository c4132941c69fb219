/** REST API on a real server: share a capture file, list sessions, save them as pcapng. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePcap } from '../../core/pcap/index.ts';
import type { SessionInfo } from '../../core/protocol.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import { handshakeFrames } from '../cli/testdata/handshake-frames.ts';

let app: App;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-'));
beforeAll(async () => {
  app = await startApp(parseServeArgs(['--port', '0', '--echo-port', '0', '--capture']));
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const api = (p: string, init?: RequestInit) => fetch(new URL(p, app.url), init);

describe('/api/sessions', () => {
  it('shares a capture file as a new session that lists and saves as pcapng', async () => {
    const res = await api('/api/sessions?name=hs.pcap', {
      method: 'POST',
      body: Buffer.from(writePcap(handshakeFrames(), 1)),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.status).toBe(201);
    const info = (await res.json()) as SessionInfo;
    expect(info).toMatchObject({ kind: 'file', title: 'hs.pcap', lastRecNo: 4 });
    const list = (await (await api('/api/sessions')).json()) as SessionInfo[];
    expect(list.map((s) => s.id)).toEqual(['live', info.id]);

    const saved = await api(`/api/sessions/${info.id}/capture.pcapng`);
    expect(saved.status).toBe(200);
    expect(saved.headers.get('content-disposition')).toContain('.pcapng');
    const file = path.join(dir, 'saved.pcapng');
    fs.writeFileSync(file, new Uint8Array(await saved.arrayBuffer()));
    const fields = execFileSync(
      'tshark',
      ['-n', '-r', file, '-T', 'fields', '-e', 'tcp.srcport', '-e', 'tcp.len'],
      {
        encoding: 'utf8',
      },
    );
    expect(fields.trim().split('\n')).toEqual(['40000\t0', '80\t0', '40000\t0', '40000\t5']);
  });

  it('saves the live capture as pcapng that tshark reads', async () => {
    const before = app.live.frames?.size ?? 0;
    // Traffic through the echo endpoint, from an outside client.
    await new Promise<void>((resolve, reject) => {
      const s = net.connect(app.echo.port, '127.0.0.1', () => s.end('save me'));
      s.on('close', () => resolve());
      s.on('error', reject);
      s.resume();
    });
    const end = Date.now() + 3000;
    while ((app.live.frames?.size ?? 0) < before + 8 && Date.now() < end)
      await new Promise((r) => setTimeout(r, 20));
    const saved = await api('/api/sessions/live/capture.pcapng');
    expect(saved.status).toBe(200);
    const file = path.join(dir, 'live.pcapng');
    fs.writeFileSync(file, new Uint8Array(await saved.arrayBuffer()));
    const out = execFileSync(
      'tshark',
      ['-n', '-r', file, '-Y', 'tcp.len == 7', '-T', 'fields', '-e', 'tcp.payload'],
      {
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toBe(Buffer.from('save me').toString('hex'));
  });

  it.each([
    {
      name: 'not a capture',
      body: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
      status: 400,
      error: /at byte 0/,
    },
    { name: 'empty body', body: new Uint8Array(0), status: 400, error: /no file/ },
    {
      name: 'cut short',
      body: writePcap(handshakeFrames(), 1).subarray(0, 70),
      status: 400,
      error: /at byte \d+/,
    },
  ])('rejects a bad upload in one line: $name', async ({ body, status, error }) => {
    const res = await api('/api/sessions?name=x', {
      method: 'POST',
      body: Buffer.from(body),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.status).toBe(status);
    const { error: text } = (await res.json()) as { error: string };
    expect(text).toMatch(error);
    expect(text.split('\n')).toHaveLength(1);
  });

  it('refuses an upload declared larger than the limit, unknown paths and sessions', async () => {
    // Declares 65 MiB and sends a few bytes: refused from the header alone, nothing buffered.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(new URL('/api/sessions', app.url), {
        method: 'POST',
        headers: {
          'content-length': String(65 * 1024 * 1024),
          'content-type': 'application/octet-stream',
        },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.write('xxxx');
    });
    expect(status).toBe(413);
    expect((await api('/api/nothing')).status).toBe(404);
    expect((await api('/api/sessions/nope/capture.pcapng')).status).toBe(404);
    expect((await api('/api/sessions', { method: 'DELETE' })).status).toBe(405);
  });
});
