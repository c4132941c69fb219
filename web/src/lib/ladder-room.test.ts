import { describe, expect, it } from 'vitest';
import { pillBeside, placeHeads, sideRoom, stateLeft, STATE_GAP } from './ladder-room.ts';

describe('sideRoom', () => {
  it.each([
    {
      name: 'no labels: no room',
      pills: [],
      states: [],
      room: { client: 0, server: 0 },
    },
    {
      name: 'half the widest pill of each side',
      pills: [
        { side: 'client' as const, width: 100 },
        { side: 'client' as const, width: 60 },
        { side: 'server' as const, width: 200 },
      ],
      states: [],
      room: { client: 50, server: 100 },
    },
    {
      name: 'a state beside its own pill reaches past it',
      pills: [{ side: 'server' as const, width: 200 }],
      states: [{ side: 'server' as const, width: 150, pill: 200 }],
      room: { client: 0, server: 100 + STATE_GAP + 150 },
    },
    {
      name: 'a state on a row where the other side called sits on the lifeline',
      pills: [{ side: 'server' as const, width: 80 }],
      states: [{ side: 'client' as const, width: 120, pill: 0 }],
      room: { client: STATE_GAP + 120, server: 40 },
    },
  ])('$name', ({ pills, states, room }) => {
    expect(sideRoom(pills, states)).toEqual(room);
  });

  it('places the box where the room was counted', () => {
    const b = { side: 'client' as const, width: 120, pill: 100 };
    expect(stateLeft(b, 400)).toBe(400 - 50 - STATE_GAP - 120);
    expect(stateLeft({ ...b, side: 'server' }, 400)).toBe(400 + 50 + STATE_GAP);
  });
});

describe('placeHeads', () => {
  it.each([
    {
      name: 'room for both: centred on their lifelines',
      xs: [300, 700],
      widths: [200, 200],
      lefts: [200, 600],
    },
    {
      name: 'close lifelines: pushed apart, the gap kept',
      xs: [400, 560],
      widths: [240, 240],
      lefts: [280, 530],
    },
    {
      name: 'near the right edge: pulled in, the left one moves too',
      xs: [700, 880],
      widths: [240, 240],
      lefts: [490, 740],
    },
    {
      name: 'near the left edge: never left of lo',
      xs: [150, 600],
      widths: [240, 240],
      lefts: [100, 480],
    },
    { name: 'too wide for the drawing', xs: [300, 600], widths: [500, 400], lefts: null },
  ])('$name', ({ xs, widths, lefts }) => {
    expect(placeHeads(xs, widths, 100, 980, 10)).toEqual(lefts);
  });
});

describe('pillBeside', () => {
  const pills = new Map([[7, { side: 'server' as const, width: 90 }]]);
  it.each([
    { name: 'its own side’s call', m: { recNo: 7, side: 'server' as const, onStep: true }, w: 90 },
    { name: 'the other side’s call', m: { recNo: 7, side: 'client' as const, onStep: true }, w: 0 },
    { name: 'a packet row', m: { recNo: 7, side: 'server' as const, onStep: false }, w: 0 },
    { name: 'no call on the row', m: { recNo: 8, side: 'server' as const, onStep: true }, w: 0 },
  ])('$name', ({ m, w }) => {
    expect(pillBeside(m, pills)).toBe(w);
  });
});
