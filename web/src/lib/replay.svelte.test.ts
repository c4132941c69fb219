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

  it('mirrors a playing position without a timer of its own; release stops it', () => {
    const view = fakeView();
    const r = new Replay(view);
    r.apply({ recNo: 2, playing: true, speed: 2, reveal: true });
    expect([r.playing, r.driven, view.selectedRecNo, r.speed]).toEqual([true, true, 2, 2]);
    const tick = r.tick;
    vi.advanceTimersByTime(STEP_MS * 5);
    expect(view.selectedRecNo).toBe(2);
    r.apply({ recNo: 3, playing: true, speed: 2, reveal: true });
    expect(view.selectedRecNo).toBe(3);
    expect(r.tick).toBe(tick + 1);
    r.apply({ recNo: 3, playing: false, speed: 2, reveal: true });
    expect([r.playing, r.driven]).toEqual([false, false]);
    r.apply({ recNo: 4, playing: true, speed: 1, reveal: false });
    r.release();
    expect([r.playing, r.driven, view.selectedRecNo]).toEqual([false, false, 4]);
  });

  it("tells its user's actions apart: pause while mirrored pauses, it does not play", () => {
    const view = fakeView();
    const r = new Replay(view);
    let user = 0;
    r.onuser = () => {
      user++;
      r.release(); // what a following page does when its user takes over
    };
    r.apply({ recNo: 2, playing: true, speed: 1, reveal: false });
    r.toggle();
    expect([user, r.playing]).toEqual([1, false]);
    r.setReveal(true);
    r.setSpeed(4);
    expect([user, r.reveal, r.speed]).toEqual([3, true, 4]);
    // release leaves a replay this page plays itself alone
    r.play();
    r.release();
    expect(r.playing).toBe(true);
    r.pause();
  });
});
