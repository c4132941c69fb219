/**
 * A lesson survives `kill -9`: real server processes on a temporary --data-dir. Every record a
 * page was shown before the kill is in the closed session the restarted server lists beside its
 * new live one, exactly as shown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { parse as parseCsv } from 'csv-parse/sync';
import type {
  CorrectionBatch,
  JoinResult,
  RecordBatch,
  ScenarioStatus,
  SessionRecord,
} from '../../core/protocol.ts';
import type { SessionListEntry } from '../http/session-list.ts';
import { echoExchange } from './testdata/echo-exchange.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kill-restart-'));
const children: ChildProcess[] = [];
const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
afterAll(async () => {
  const left = children.filter(running);
  for (const c of left) c.kill('SIGTERM');
  await Promise.all(left.map(onceExit));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const onceExit = (c: ChildProcess) => new Promise<void>((r) => c.once('exit', () => r()));

/** Starts `server/main.ts` and reads the page URL and echo port it prints. */
async function startServer(
  ...flags: string[]
): Promise<{ child: ChildProcess; url: string; echoPort: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      '0',
      '--echo-port',
      '0',
      '--data-dir',
      dataDir,
      ...flags,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let out = '';
  child.stdout!.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
    child.stdout!.on('data', (d: string) => {
      out += d;
      const url = /Page:\s+(http:\/\/\S+)/.exec(out)?.[1];
      const echo = /TCP echo:\s+\S+:(\d+)/.exec(out)?.[1];
      if (url && echo) {
        clearTimeout(timer);
        resolve({ child, url, echoPort: Number(echo) });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

describe('kill -9 and restart', () => {
  it('keeps every record shown before the kill, in a closed session beside a new live one', async () => {
    const first = await startServer();
    const page = connect(first.url, { transports: ['websocket'], forceNew: true });
    const shown = new Map<number, SessionRecord>();
    page.on('records', (b: RecordBatch) => {
      if (b.session === 'live') for (const r of b.records) shown.set(r.recNo, r);
    });
    await new Promise<void>((resolve) =>
      page.emit('join', { session: 'live', after: 0 }, (res: JoinResult) => {
        if (res.ok) for (const r of res.records) shown.set(r.recNo, r);
        resolve();
      }),
    );
    for (let i = 0; i < 5; i++) await echoExchange(first.echoPort, `message ${i}; "quoted"\n`);
    // Wait until the page has been shown the last server close, then kill at once.
    const until = Date.now() + 5000;
    const closes = () =>
      [...shown.values()].filter(
        (r) => r.type === 'step' && r.kind === 'close' && r.side === 'server',
      ).length;
    while (closes() < 5 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    await onceExit(first.child);
    page.close();
    expect(closes()).toBe(5);

    const second = await startServer();
    const list = (await (
      await fetch(new URL('/api/sessions', second.url))
    ).json()) as SessionListEntry[];
    expect(list.map((s) => s.kind)).toEqual(['live', 'live']);
    const [old, live] = list;
    expect(old).toMatchObject({ closed: true, conversations: 5, steps: shown.size });
    expect(old!.storeNote).toBeUndefined();
    expect(live).toMatchObject({ id: 'live' });
    expect(live!.closed).toBeUndefined();

    const res = await fetch(new URL(`/api/sessions/${old!.id}/export.json`, second.url));
    const doc = (await res.json()) as { records: SessionRecord[] };
    const kept = new Map(doc.records.map((r) => [r.recNo, r]));
    for (const [recNo, r] of shown) expect(kept.get(recNo), `record ${recNo}`).toEqual(r);
    second.child.kill('SIGTERM');
    await onceExit(second.child);
  }, 60_000);

  it('keeps the hindsight corrections: after kill -9 the refused SYN reads server CLOSED in the JSON and CSV exports', async () => {
    const first = await startServer('--capture');
    const page = connect(first.url, { transports: ['websocket'], forceNew: true });
    const corrected = new Map<number, CorrectionBatch['records'][number]['analysis']>();
    page.on('corrections', (b: CorrectionBatch) => {
      if (b.session === 'live') for (const r of b.records) corrected.set(r.recNo, r.analysis);
    });
    const done = new Promise<ScenarioStatus>((resolve) =>
      page.on('scenario', (s: ScenarioStatus) => {
        if (s.state === 'done') resolve(s);
      }),
    );
    await new Promise<void>((resolve) =>
      page.emit('join', { session: 'live', after: 0 }, () => resolve()),
    );
    page.emit('runScenario', { id: 'refused' }, () => undefined);
    await done;
    const until = Date.now() + 5000;
    while (corrected.size === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    await onceExit(first.child);
    page.close();
    expect(corrected.size).toBeGreaterThan(0);
    const [recNo, analysis] = [...corrected][0]!;
    expect(analysis).toMatchObject({ corrected: true, states: { server: 'CLOSED' } });

    const second = await startServer();
    const list = (await (
      await fetch(new URL('/api/sessions', second.url))
    ).json()) as SessionListEntry[];
    const old = list.find((s) => s.closed && s.packets > 0)!;
    const doc = (await (
      await fetch(new URL(`/api/sessions/${old.id}/export.json`, second.url))
    ).json()) as { records: SessionRecord[] };
    const syn = doc.records.find((r) => r.recNo === recNo)!;
    expect(syn).toMatchObject({ type: 'packet', analysis });
    const csv = (await (
      await fetch(new URL(`/api/sessions/${old.id}/export.csv`, second.url))
    ).text()) as string;
    const rows: string[][] = parseCsv(csv);
    const server = rows[0]!.indexOf('Server state');
    const synRow = rows.find((r) => r[0] === String(recNo))!;
    expect(synRow[server]).toMatch(/^CLOSED/);
    second.child.kill('SIGTERM');
    await onceExit(second.child);
  }, 60_000);
});
