/**
 * A lesson survives `kill -9`: real server processes on a temporary --data-dir. Every record a
 * page was shown before the kill is in the closed session the restarted server lists beside its
 * new live one, exactly as shown.
 */
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
import { startServerProcess, type ServerProcess } from '../cluster/testdata/server-process.ts';
import { unpackBatch } from '../../core/unpack-batch.ts';
import type { SessionListEntry } from '../http/session-list.ts';
import { echoExchange } from './testdata/echo-exchange.ts';
import { until } from '../testdata/until.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kill-restart-'));
const started: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A server process on the one data folder every start here shares. */
async function startServer(...flags: string[]): Promise<ServerProcess> {
  const server = await startServerProcess(flags, { dataDir });
  started.push(server);
  return server;
}

describe('kill -9 and restart', () => {
  it('keeps every record shown before the kill, in a closed session beside a new live one', async () => {
    const first = await startServer();
    const page = connect(first.url, { transports: ['websocket'], forceNew: true });
    const shown = new Map<number, SessionRecord>();
    page.on('records', (b: RecordBatch) => {
      if (b.session === 'live')
        for (const r of unpackBatch(b.packed).records) shown.set(r.recNo, r);
    });
    await new Promise<void>((resolve) =>
      page.emit('join', { session: 'live', after: 0 }, (res: JoinResult) => {
        if (res.ok) for (const r of res.records) shown.set(r.recNo, r);
        resolve();
      }),
    );
    for (let i = 0; i < 5; i++) await echoExchange(first.echo.port, `message ${i}; "quoted"\n`);
    // Wait until the page has been shown the last server close, then kill at once.
    const closes = () =>
      [...shown.values()].filter(
        (r) => r.type === 'step' && r.kind === 'close' && r.side === 'server',
      ).length;
    await until(() => closes() >= 5, 'the page was shown the 5 server closes');
    await first.crash();
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
    await second.stop();
  }, 240_000);

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
    await until(() => corrected.size > 0, 'the page heard a correction');
    await first.crash();
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
    await second.stop();
  }, 240_000);
});
