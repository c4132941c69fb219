import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Replay, STEP_MS, type ReplayView } from './replay.svelte.ts';

/** A view of five rows with a plain selection, as ViewState offers it. */
function fakeView(): ReplayView & { selectedRecNo: number | null } {
  const v = {
    visible: [1, 2, 3, 4, 5].map((recNo) => ({ recNo })),
    selectedRecNo: null as number | null,
    select(recNo: number | null) {
      v.selectedRecNo = recNo;
    },
  };
  return v;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Replay', () => {
  it('steps forward and back within the rows, first and last', () => {
    const view = fakeView();
    const r = new Replay(view);
    r.step(1);
    expect(view.selectedRecNo).toBe(1);
    r.step(1);
    r.step(1);
    expect(view.selectedRecNo).toBe(3);
    r.step(-1);
    expect(view.selectedRecNo).toBe(2);
    r.last();
    r.step(1);
    expect(view.selectedRecNo).toBe(5);
    r.first();
    r.step(-1);
    expect(view.selectedRecNo).toBe(1);
  });

  it('plays one step per STEP_MS / speed and stops at the end', () => {
    const view = fakeView();
    const r = new Replay(view);
    r.setSpeed(2);
    r.play();
    expect(view.selectedRecNo).toBe(1);
    vi.advanceTimersByTime(STEP_MS / 2);
    expect(view.selectedRecNo).toBe(2);
    vi.advanceTimersByTime((STEP_MS / 2) * 10);
    expect(view.selectedRecNo).toBe(5);
    expect(r.playing).toBe(false);
  });

  it('pause holds the step; restart plays from the first', () => {
    const view = fakeView();
    const r = new Replay(view);
    r.play();
    vi.advanceTimersByTime(STEP_MS);
    r.toggle();
    vi.advanceTimersByTime(STEP_MS * 5);
    expect(view.selectedRecNo).toBe(2);
    r.restart();
    expect(view.selectedRecNo).toBe(1);
    expect(r.playing).toBe(true);
    r.pause();
  });

  it('reveal shows rows up to the current step only', () => {
    const view = fakeView();
    const r = new Replay(view);
    r.reveal = true;
    expect([0, 1, 2].map((i) => r.shows(i))).toEqual([false, false, false]);
    r.step(2);
    expect([0, 1, 2].map((i) => r.shows(i))).toEqual([true, true, false]);
  });

  it('clamps the speed to 0.25×–4× and round-trips its position', () => {
    const view = fakeView();
    const r = new Replay(view);
    r.setSpeed(10);
    expect(r.speed).toBe(4);
    r.setSpeed(0.01);
    expect(r.speed).toBe(0.25);
    const other = new Replay(fakeView());
    r.step(3);
    r.reveal = true;
    other.apply(r.position());
    expect(other.position()).toEqual({ recNo: 3, playing: false, speed: 0.25, reveal: true });
  });
});
