/**
 * Sharing capture files on a real server: the file is read in a worker while pages keep getting
 * answers, its sender hears how far it got, a file over --max-upload-mb is refused with 413 while
 * it streams, and shared files nobody shows make room for new ones (a shown one never goes).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { writePcap } from '../../core/pcap/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../core/protocol.ts';
import type { ShareProgress } from '../../core/share-protocol.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import { handshakeFrames } from '../cli/testdata/handshake-frames.ts';
import { echoCopies } from '../sessions/testdata/echo-copies.ts';
import type { SharedSession } from './share-upload.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: App;
/** A server taking files of at most 1 MB. */
let strict: App;
const clients: Client[] = [];
const serve = (...flags: string[]) =>
  startApp({
    ...parseServeArgs(['--port', '0', '--echo-port', '0', ...flags]),
    log: () => undefined,
  });
beforeAll(async () => {
  app = await serve('--max-files', '2', '--max-uploads', '4');
  strict = await serve('--max-upload-mb', '1');
});
afterAll(async () => {
  for (const c of clients) c.close();
  await app?.close();
  await strict?.close();
});

function page(a = app): Promise<Client> {
  const c: Client = connect(a.url, { transports: ['websocket'], reconnection: false });
  clients.push(c);
  return new Promise((resolve, reject) => {
    c.once('connect', () => resolve(c));
    c.once('connect_error', reject);
  });
}

const small = () => Buffer.from(writePcap(handshakeFrames(), 1));

function share(name: string, body: Uint8Array, socket?: string) {
  const q = new URLSearchParams({ name, ...(socket ? { socket } : {}) });
  return fetch(new URL(`/api/sessions?${q}`, app.url), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.from(body),
  });
}

const join = (c: Client, session: string) =>
  c.timeout(10_000).emitWithAck('join', { session, after: 0 });

describe('sharing a capture file', () => {
  it('reads it in a worker: a join sent while it is read is answered before the share ends', async () => {
    const sender = await page();
    const other = await page();
    const progress: ShareProgress[] = [];
    const events: string[] = [];
    let joined: Promise<void> | undefined;
    sender.on('shareProgress', (p) => {
      progress.push(p);
      // The first word that packets are being read: ask the server for something else now.
      if (p.packets > 0 && !joined) {
        events.push('join sent');
        joined = join(other, 'live').then((r) => void events.push(r.ok ? 'join answered' : 'x'));
      }
    });
    const bytes = echoCopies(4000); // 40,000 packets, 3.6 MB
    const res = await share('many.pcap', bytes, sender.id);
    events.push('share answered');
    await joined;
    expect(res.status).toBe(201);
    const info = (await res.json()) as SharedSession;
    expect(info).toMatchObject({ kind: 'file', title: 'many.pcap', lastRecNo: 40_000 });
    expect(events.slice(0, 3)).toEqual(['join sent', 'join answered', 'share answered']);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ name: 'many.pcap', bytes: bytes.length, total: bytes.length });
    expect(progress.map((p) => p.packets)).toEqual(
      [...progress.map((p) => p.packets)].sort((a, b) => a - b),
    );
  }, 120_000);

  it('refuses a file over --max-upload-mb with 413 while it streams; pages keep getting answers', async () => {
    const other = await page(strict);
    const answers: boolean[] = [];
    const pinging = setInterval(
      () => void join(other, 'live').then((r) => answers.push(r.ok)),
      200,
    );
    // Chunked, with no length declared: the server can only count as it reads.
    const { status, body, sent } = await new Promise<{
      status: number;
      body: string;
      sent: number;
    }>((resolve, reject) => {
      const req = http.request(new URL('/api/sessions?name=huge.pcap', strict.url), {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
      });
      // A valid capture for as long as it goes: the header, then whole records again and again.
      const copies = echoCopies(3000);
      const records = Buffer.from(copies.subarray(24));
      req.write(copies.subarray(0, 24));
      let sent = 24;
      const more = () => {
        while (sent < 128 * 1024 * 1024) {
          sent += records.length;
          if (!req.write(records)) return void req.once('drain', more);
        }
        req.end();
      };
      req.on('response', (r) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (d: string) => (text += d));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text, sent }));
      });
      req.on('error', (e) => (sent > 0 ? undefined : reject(e)));
      more();
    });
    clearInterval(pinging);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({
      error: 'The file is larger than 1 MB, the most this server takes.',
    });
    // Refused long before the 128 MB were sent (the body was never held whole).
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every(Boolean)).toBe(true);
    expect((await join(other, 'live')).ok).toBe(true);
  }, 60_000);

  it('gives a bad file one line and stays up', async () => {
    const res = await share('bad.pcap', new TextEncoder().encode('not a capture'));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/^bad\.pcap: .+ at byte 0$/);
    expect((await join(await page(), 'live')).ok).toBe(true);
  });

  it('keeps a shared file someone shows, removes one nobody shows, refuses when all are shown', async () => {
    // --max-files 2; earlier tests left shared files nobody shows.
    const teacher = await page();
    const mine = (await (await share('mine.pcap', small())).json()) as SharedSession;
    expect((await join(teacher, mine.id)).ok).toBe(true);
    // Others share three more: each removes an unshown one, never the teacher's.
    const titles: string[][] = [];
    for (const n of [1, 2, 3]) {
      const res = await share(`other-${n}.pcap`, small());
      expect(res.status).toBe(201);
      titles.push(((await res.json()) as SharedSession).evicted);
    }
    expect(titles.slice(1)).toEqual([['other-1.pcap'], ['other-2.pcap']]);
    const list = (await (await fetch(new URL('/api/sessions', app.url))).json()) as {
      id: string;
      title: string;
      kind: string;
    }[];
    const files = list.filter((s) => s.kind === 'file');
    expect(files.map((s) => s.title)).toEqual(['mine.pcap', 'other-3.pcap']);
    // Someone shows the other file too: now every shared file is shown and a new one is refused.
    const student = await page();
    const other3 = files.find((s) => s.title === 'other-3.pcap')!;
    expect((await join(student, other3.id)).ok).toBe(true);
    const refused = await share('one-too-many.pcap', small());
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /^All 2 shared files are open/,
    );
    expect((await join(teacher, mine.id)).ok).toBe(true);
    // The student goes back to live: their file makes room again.
    expect((await join(student, 'live')).ok).toBe(true);
    const again = await share('next.pcap', small());
    expect(again.status).toBe(201);
    expect(((await again.json()) as SharedSession).evicted).toEqual(['other-3.pcap']);
  });
});
