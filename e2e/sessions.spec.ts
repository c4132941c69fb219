/**
 * The session list on a server of its own (--token, a fresh --data-dir), restarted mid-test: the
 * presenter starts a new session, names and renames, shows an older one and a viewer follows;
 * default titles show in the page's language, names as typed, also those of a session stored
 * before titles had keys; after a restart the older session shows the same records; delete; a
 * viewer's forged rename and delete are refused and change nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { io as connect } from 'socket.io-client';
import { ECHO_PORT } from './ports.ts';

const PORT = Number(process.env.E2E_PORT ?? 18090) + 5;
const URL_ = `http://127.0.0.1:${PORT}/`;
const TOKEN = 'e2e-sessions-token-0123456';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-sessions-'));
let server: ChildProcess | null = null;

async function startServer(): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      ...['--port', String(PORT), '--echo-port', String(ECHO_PORT + 5)],
      ...['--token', TOKEN, '--data-dir', dataDir],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server = child;
  let out = '';
  child.stdout!.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (d: string) => {
      out += d;
      if (/Press Ctrl-C/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await gone;
}

test.afterAll(async () => {
  await stopServer();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const rowOf = (page: Page, name: string | RegExp) =>
  page.getByTestId('session-row').filter({ has: page.getByTestId('session-name').getByText(name) });
const steps = (page: Page) => page.getByTestId('step-row');

async function open(browser: Browser, presenter: boolean): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(presenter ? `${URL_}?token=${TOKEN}` : URL_);
  await expect(page.getByTestId('role-badge')).toHaveAttribute(
    'data-role',
    presenter ? 'presenter' : 'viewer',
  );
  return page;
}

test('new session, rename, show with a viewer following, reopen after a restart, delete', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await startServer();
  const presenter = await open(browser, true);
  const viewer = await open(browser, false);

  await presenter.getByTestId('send-message').fill('before the new session');
  await presenter.getByTestId('send-button').click();
  await expect(presenter.getByTestId('send-reply')).toContainText('before the new session');
  // Both pages show the whole exchange (the server's close is its last step).
  const both = async () => [await steps(presenter).count(), await steps(viewer).count()];
  await expect
    .poll(async () => new Set(await both()).size === 1 && (await both())[0]! > 4)
    .toBe(true);
  await presenter.waitForTimeout(500);
  const before = (await both())[0]!;

  // New session: the live one starts empty on both pages; the old one is kept.
  await presenter.getByTestId('session-list-toggle').click();
  await presenter.getByTestId('session-new-name').fill('Lesson two');
  await presenter.getByTestId('session-new').click();
  await expect(rowOf(presenter, 'Lesson two')).toBeVisible();
  await expect(rowOf(presenter, /^Live: echo endpoints \(/)).toBeVisible();
  await expect(steps(presenter)).toHaveCount(0);
  await expect(steps(viewer)).toHaveCount(0);

  // The viewer sees the list with no enabled controls.
  await viewer.getByTestId('session-list-toggle').click();
  await expect(rowOf(viewer, 'Lesson two')).toBeVisible();
  // In Chinese the server's default title is Chinese; a name someone gave stays as typed.
  await viewer.getByTestId('language').selectOption('zh-CN');
  await expect(
    rowOf(viewer, /^实时录制：回显端点（\d{4}-\d\d-\d\d \d\d:\d\d UTC）$/),
  ).toBeVisible();
  await expect(rowOf(viewer, 'Lesson two')).toBeVisible();
  await viewer.getByTestId('language').selectOption('en');
  await expect(rowOf(viewer, /^Live: echo endpoints \(/)).toBeVisible();
  await expect(viewer.getByTestId('session-new')).toBeDisabled();
  for (const b of await viewer.getByTestId('session-rename').all()) await expect(b).toBeDisabled();
  for (const b of await viewer.getByTestId('session-delete').all()) await expect(b).toBeDisabled();

  // Rename the old one, then show it: the viewer follows.
  const old = rowOf(presenter, /^Live: echo endpoints \(/);
  const oldId = (await old.getAttribute('data-session'))!;
  await old.getByTestId('session-rename').click();
  await presenter.getByTestId('session-rename-input').fill('Lesson one');
  await presenter.getByTestId('session-rename-save').click();
  await expect(rowOf(presenter, 'Lesson one')).toBeVisible();
  await expect(rowOf(viewer, 'Lesson one')).toBeVisible();
  await rowOf(presenter, 'Lesson one').getByTestId('session-show').click();
  await expect(steps(presenter)).toHaveCount(before);
  await expect(viewer.getByTestId('session-picker')).toHaveValue(oldId);
  await expect(steps(viewer)).toHaveCount(before);
  // The TIME_WAIT countdown goes on with the clock: compare everything else.
  const texts = async (page: Page) =>
    (await steps(page).allInnerTexts()).map((r) => r.replace(/TIME_WAIT \d+ s/g, 'TIME_WAIT'));
  const shown = await texts(presenter);

  // A viewer's forged rename and delete: refused, nothing changes.
  const forged = connect(URL_, { transports: ['websocket'], reconnection: false });
  await new Promise((r) => forged.once('hello', r));
  for (const [event, req] of [
    ['renameSession', { session: oldId, name: 'forged' }],
    ['deleteSession', { session: oldId }],
  ] as const) {
    const res = await forged.timeout(5000).emitWithAck(event, req as never);
    expect(res).toMatchObject({ ok: false, limit: 'viewer' });
  }
  forged.close();
  await expect(rowOf(presenter, 'Lesson one')).toBeVisible();
  expect(fs.readdirSync(path.join(dataDir, 'sessions'))).toContain(oldId);

  // Restart: the older session shows the same records.
  await stopServer();
  // The second lesson's meta.json as a server wrote it before titles had keys: unnamed, only
  // the default title in English.
  const stored = path.join(dataDir, 'sessions');
  const metaOf = (folder: string) => path.join(stored, folder, 'meta.json');
  const read = (folder: string) =>
    JSON.parse(fs.readFileSync(metaOf(folder), 'utf8')) as Record<string, unknown>;
  const lessonTwo = fs.readdirSync(stored).find((f) => read(f).name === 'Lesson two')!;
  const { name: _name, titleKey: _key, ...meta } = read(lessonTwo);
  fs.writeFileSync(metaOf(lessonTwo), JSON.stringify({ ...meta, title: 'Live: echo endpoints' }));
  await startServer();
  await presenter.reload();
  await presenter.getByTestId('session-list-toggle').click();
  await rowOf(presenter, 'Lesson one').getByTestId('session-show').click();
  await expect(steps(presenter)).toHaveCount(before);
  expect(await texts(presenter)).toEqual(shown);

  // In Chinese: the old file's default title, closed, and the new live session's; names as typed.
  await presenter.getByTestId('language').selectOption('zh-CN');
  await expect(
    rowOf(presenter, /^实时录制：回显端点（\d{4}-\d\d-\d\d \d\d:\d\d UTC）$/),
  ).toBeVisible();
  await expect(rowOf(presenter, /^实时录制：回显端点$/)).toBeVisible();
  await expect(rowOf(presenter, /^Lesson one$/)).toBeVisible();
  await presenter.getByTestId('language').selectOption('en');

  // Delete the (now closed) second lesson.
  const second = rowOf(presenter, /^Live: echo endpoints \(/);
  await second.getByTestId('session-delete').click();
  await second.getByTestId('session-delete').click();
  await expect(rowOf(presenter, /^Live: echo endpoints \(/)).toHaveCount(0);
  await expect(rowOf(presenter, 'Lesson one')).toBeVisible();
});
