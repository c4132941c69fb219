import { describe, it, expect, afterEach } from 'vitest';
import { closedTitleKey, LIVE_TITLE_KEY, titleOf } from '../../../core/session-title.ts';
import { Connection } from './connection.svelte.ts';
import { setLocale } from './messages.ts';
import { SessionList } from './session-list.svelte.ts';
import { FakeSocket, info, settle } from './testdata/fake-socket.ts';

let stop: () => void = () => {};
afterEach(() => {
  stop();
  setLocale('en');
});

describe('SessionList', () => {
  it('names the sessions the server pruned in the page`s language, names as given', async () => {
    const socket = new FakeSocket();
    const conn = new Connection(socket.asSocket());
    const list = new SessionList(conn, () => Promise.reject(new Error('not asked')));
    conn.start();
    const off = list.listen();
    stop = () => {
      off();
      conn.stop();
    };
    socket.hello([info('live', 'live', 'Live')]);
    await settle();
    setLocale('zh-CN');
    const closed = closedTitleKey(LIVE_TITLE_KEY, Date.UTC(2026, 10, 28, 9, 5) * 1000);
    socket.fire('sessionsPruned', [
      { title: titleOf(closed), titleKey: closed },
      { title: 'Live: echo endpoints' },
    ]);
    expect(list.notice?.text).toContain(
      '实时录制：回显端点（2026-11-28 09:05 UTC）, Live: echo endpoints',
    );
    expect(list.notice?.error).toBe(false);
  });
});
