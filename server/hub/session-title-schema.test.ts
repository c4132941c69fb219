import { describe, it, expect } from 'vitest';
import { sessionsNoticeSchema } from '../cluster/cluster-events.ts';
import { sessionTitleKeySchema } from './session-title-schema.ts';

describe('sessionTitleKeySchema', () => {
  it.each([
    { name: 'the live session', key: { key: 'live' }, ok: true },
    { name: 'closed', key: { key: 'live', started: '2026-11-28 09:05' }, ok: true },
    { name: 'one server of several', key: { key: 'live-server', node: 'beef0001' }, ok: true },
    { name: 'a key no server sends', key: { key: 'lesson' }, ok: false },
    { name: 'a server without its node', key: { key: 'live-server' }, ok: false },
    {
      name: 'a node that is not 8 hex digits',
      key: { key: 'live-server', node: '<b>x' },
      ok: false,
    },
    { name: 'a start time in another form', key: { key: 'live', started: 'Monday' }, ok: false },
    { name: 'a field more', key: { key: 'live', title: 'Mine' }, ok: false },
    { name: 'a string', key: 'live', ok: false },
  ])('$name', ({ key, ok }) => {
    expect(sessionTitleKeySchema.safeParse(key).success).toBe(ok);
  });

  it('is checked in the session lists other server processes send', () => {
    const notice = (titleKey: unknown) => ({
      node: '0000000a',
      sessions: [
        {
          id: 'live-0000000a',
          kind: 'live',
          title: 'Live: echo endpoints (server 0000000a)',
          titleKey,
          startTime: 1,
          lastRecNo: 0,
          firstRecNo: 1,
        },
      ],
    });
    const good = notice({ key: 'live-server', node: '0000000a' });
    expect(sessionsNoticeSchema.parse(good)).toEqual(good);
    expect(sessionsNoticeSchema.safeParse(notice({ key: 'live', node: 1 })).success).toBe(false);
  });
});
