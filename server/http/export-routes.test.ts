/**
 * Exports over HTTP on a real server with live capture: every file read back by the tool people
 * use it with (tshark, csv-parse, mermaid's sequence grammar, JSON.parse), and path traversal
 * attempts refused on every route.
 */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { STEPS_CSV_COLUMNS } from '../../core/export/index.ts';
import { parseSequenceLines } from '../../core/export/testdata/mermaid-sequence-lines.ts';
import { tshark } from '../../core/export/testdata/tshark.ts';
import type { SessionRecord } from '../../core/protocol.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import type { SessionListEntry } from './session-list.ts';

let app: App;
let conv = '';
beforeAll(async () => {
  app = await startApp(parseServeArgs(['--port', '0', '--echo-port', '0', '--capture']));
  await new Promise<void>((resolve, reject) => {
    const s = net.connect(app.echo.port, '127.0.0.1', () => s.end('hi; #1 %%'));
    s.on('close', () => resolve());
    s.on('error', reject);
    s.resume();
  });
  // The server's FIN, the client's FIN and their ACKs: at least 9 packets of the exchange.
  const end = Date.now() + 5000;
  while ((app.live.frames?.size ?? 0) < 9 && Date.now() < end)
    await new Promise((r) => setTimeout(r, 20));
  const tcp = app.live.since(0).records.find((r) => r.type === 'packet' && r.conv);
  conv = tcp!.conv!;
}, 20_000);
afterAll(async () => {
  await app?.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
  body: string;
}

/**
 * GET with the path sent byte for byte (fetch would resolve dots and escape backslashes), on a
 * fresh connection each time (a kept-alive one may be closed by the server while tshark runs).
 */
function rawGet(path: string): Promise<Answer> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes,
          body: bytes.toString(),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
const get = rawGet;
const exportOf = (format: string, c: string | null = conv) =>
  get(`/api/sessions/live/export.${format}${c === null ? '' : `?conv=${encodeURIComponent(c)}`}`);

describe('GET /api/sessions', () => {
  it('lists id, name, startedAt and the counts of conversations, packets and steps', async () => {
    const list = JSON.parse((await get('/api/sessions')).body) as SessionListEntry[];
    const live = list.find((s) => s.id === 'live')!;
    const records = app.live.since(0).records;
    expect(live).toMatchObject({
      name: app.live.title,
      packets: records.filter((r) => r.type === 'packet').length,
      steps: records.filter((r) => r.type === 'step').length,
    });
    expect(live.conversations).toBeGreaterThanOrEqual(1);
    expect(Date.parse(live.startedAt)).toBe(Math.floor(app.live.startTime / 1000));
  });
});

describe('GET /api/sessions/<id>/export.*', () => {
  it('pcapng of one conversation: tshark reads it silently, socket steps as comments', async () => {
    const res = await exportOf('pcapng');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="packet-ladder-live-tcp\d+\.pcapng"/,
    );
    const r = tshark(res.bytes, ['-T', 'fields', '-e', 'tcp.stream', '-e', 'frame.comment']);
    expect(r.stderr).toBe('');
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const packets = app.live.since(0).records.filter((x) => x.type === 'packet' && x.conv === conv);
    expect(rows).toHaveLength(packets.length);
    expect(new Set(rows.map((x) => x[0]))).toEqual(new Set(['0']));
    const comments = rows.map((x) => x[1]).join('\n');
    expect(comments).toMatch(/Packet Ladder step \d+: server accept/);
    expect(comments).toMatch(/Packet Ladder step \d+: server read 9 B "hi; #1 %%"/);
  });

  it('CSV of the session: csv-parse reads the table columns and every record', async () => {
    const res = await exportOf('csv', null);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows: string[][] = parseCsv(res.body);
    expect(rows[0]).toEqual([...STEPS_CSV_COLUMNS]);
    expect(rows.length - 1).toBe(app.live.since(0).records.length);
  });

  it('Mermaid of the conversation: follows the sequenceDiagram grammar', async () => {
    const text = (await exportOf('mmd')).body;
    const lines = parseSequenceLines(text);
    expect(lines.find((l) => l.kind === 'message')?.text).toMatch(/^SYN Seq=0/);
    expect(lines.some((l) => l.kind === 'note' && l.text.includes('read 9 B: "hi; #1 %%"'))).toBe(
      true,
    );
  });

  it('JSON of the session: JSON.parse gives back every record', async () => {
    const doc = JSON.parse((await exportOf('json', null)).body) as { records: SessionRecord[] };
    expect(doc.records.map((r) => r.recNo)).toEqual(app.live.since(0).records.map((r) => r.recNo));
  });

  it.each([
    { name: 'unknown format', path: '/api/sessions/live/export.exe', status: 404 },
    { name: 'Mermaid without conv', path: '/api/sessions/live/export.mmd', status: 400 },
    {
      name: 'unknown conversation',
      path: '/api/sessions/live/export.csv?conv=tcp%20x',
      status: 404,
    },
    { name: 'two convs', path: '/api/sessions/live/export.csv?conv=a&conv=b', status: 400 },
    { name: 'other parameter', path: '/api/sessions/live/export.csv?file=x', status: 400 },
    { name: 'unknown session', path: '/api/sessions/nope/export.csv', status: 404 },
  ])('refuses in one line: $name', async ({ path, status }) => {
    const res = await rawGet(path);
    expect(res.status).toBe(status);
    expect((JSON.parse(res.body) as { error: string }).error.split('\n')).toHaveLength(1);
  });
});

describe('path traversal on every route', () => {
  const attempts = [
    '..%2f..%2f..%2fetc%2fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '%2e%2e',
    '..',
    '%2fetc%2fpasswd',
    '..%5c..%5cwindows%5cwin.ini',
    '..\\..\\etc\\passwd',
    'live%00',
    'live%00.json',
    '%252e%252e%252fetc',
    '%c0%ae%c0%ae%2f',
    '%E0%A4%A',
    'a'.repeat(5000),
  ];
  const routes = (a: string) => [
    `/api/sessions/${a}/export.csv`,
    `/api/sessions/${a}/export.pcapng`,
    `/api/sessions/${a}/export.json`,
    `/api/sessions/${a}/export.mmd?conv=x`,
    `/api/sessions/live/export.${a}`,
    `/api/sessions/live/export.json?conv=${a}`,
    `/api/sessions/live/export.pcapng?conv=${a}`,
    `/api/sessions/${a}`,
    `/api/sessions/${a}/capture.pcapng`,
    `/api/sessions/${a}/frames/1`,
  ];

  it.each(
    attempts.map((a) => ({ a: a.length > 40 ? `${a.slice(0, 10)}… (${a.length})` : a, raw: a })),
  )('refuses $a on every route, reading no file', async ({ raw }) => {
    for (const path of routes(raw)) {
      const res = await rawGet(path);
      expect(res.body, path).not.toMatch(/root:|\[fonts\]/);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  it('still serves after every attempt', async () => {
    expect((await get('/api/sessions')).status).toBe(200);
  });
});
