import { describe, expect, it } from 'vitest';
import type { RosterUpdate } from '../../../core/class/class-protocol.ts';
import type { RosterRow } from '../../../core/class/roster.ts';
import { RosterState, type RosterLink } from './roster.svelte.ts';

function row(order: number, address: string, origin: RosterRow['origin'] = 'outside'): RosterRow {
  return {
    key: `${origin} ${address}`,
    address,
    origin,
    order,
    conversations: 1,
    open: 1,
    failed: 0,
    firstTime: order,
    lastTime: order,
    bytesC2S: 0,
    bytesS2C: 0,
    endings: { open: 1 },
    errors: [],
    recent: [],
  };
}

/** A link that hands the roster the server's updates and answers its requests. */
function link() {
  let listener: (u: RosterUpdate) => void = () => undefined;
  const asked: unknown[] = [];
  const l: RosterLink = {
    on: (_event, f) => {
      listener = f as never;
      return () => undefined;
    },
    request: (event, req) => {
      asked.push([event, req]);
      return Promise.resolve(
        (event === 'rosterArchive'
          ? { ok: true, rows: [row(1, '10.1.1.1')] }
          : { ok: true }) as never,
      );
    },
  };
  return { l, send: (u: RosterUpdate) => listener(u), asked };
}

describe('RosterState', () => {
  it('marks machines that appear after the page opened as new until they are seen', () => {
    const { l, send } = link();
    const r = new RosterState(l);
    send({ reset: true, rows: [row(1, '10.0.0.1')], removed: [] });
    expect(r.fresh).toBe(0);
    send({ reset: false, rows: [row(2, '10.0.0.2'), row(3, '127.0.0.1', 'builtin')], removed: [] });
    send({ reset: false, rows: [row(2, '10.0.0.2')], removed: [] }); // changed again: counted once
    expect(r.fresh).toBe(1);
    expect([...r.rows.values()].filter((x) => r.isNew(x)).map((x) => x.address)).toEqual([
      '10.0.0.2',
    ]);
    r.markSeen();
    expect([r.fresh, r.isNew(r.rows.get('outside 10.0.0.2')!)]).toEqual([0, false]);
    // After a clear every machine is new again; a removed new row is no longer counted.
    send({ reset: true, rows: [], removed: [], archives: [] });
    send({ reset: false, rows: [row(1, '10.0.0.3'), row(2, '10.0.0.4')], removed: [] });
    send({ reset: false, rows: [], removed: ['outside 10.0.0.3'] });
    expect([r.fresh, r.rows.size]).toEqual([1, 1]);
  });

  it('lists rows as filtered and sorted, the live ones or an archived roster', async () => {
    const { l, send, asked } = link();
    const r = new RosterState(l);
    const info = { id: 'a1', at: 0, rows: 1 };
    send({
      reset: true,
      rows: [row(1, '10.0.0.1'), row(2, '10.0.0.20')],
      removed: [],
      archives: [info],
    });
    r.sortBy('address');
    expect(r.listed.map((x) => x.address)).toEqual(['10.0.0.1', '10.0.0.20']);
    r.sortBy('address');
    expect(r.listed.map((x) => x.address)).toEqual(['10.0.0.20', '10.0.0.1']);
    r.filter = '20';
    expect(r.listed.map((x) => x.address)).toEqual(['10.0.0.20']);
    r.filter = '';
    await r.showArchive('a1');
    expect([r.total, r.listed.map((x) => x.address)]).toEqual([1, ['10.1.1.1']]);
    await r.showArchive(null);
    expect(r.total).toBe(2);
    await r.clear(true);
    expect(asked).toEqual([
      ['rosterArchive', { id: 'a1' }],
      ['rosterClear', { archive: true }],
    ]);
  });
});
