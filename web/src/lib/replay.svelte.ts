/**
 * Step-by-step replay of the shown conversation: the current step is the selected record;
 * forward/back, first/last, play/pause at 0.25×–4×, and "reveal" (draw only the steps up to the
 * current one). Its position is one small serialisable object, so another page can mirror it.
 */
import { getContext, setContext } from 'svelte';
import type { SelectionSource } from './view-state.svelte.ts';

/** The replay position as it travels: which record, playing or not, how fast, revealing or not. */
export interface ReplayPosition {
  recNo: number | null;
  playing: boolean;
  speed: number;
  reveal: boolean;
}

/** What replay needs of the view: the rows in order and the selection. */
export interface ReplayView {
  readonly visible: readonly { recNo: number }[];
  readonly selectedRecNo: number | null;
  select(recNo: number | null, by: SelectionSource): void;
}

/** Speeds offered, slowest first. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
/** Time one step takes at 1× (ms): long enough to follow a packet across. */
export const STEP_MS = 1200;

export class Replay {
  playing = $state(false);
  speed = $state(1);
  reveal = $state(false);
  /** The user asked for less motion: no travelling packets, no pulses. */
  reducedMotion = $state(false);
  /** Bumped on every step taken while playing, so the moving dot restarts. */
  tick = $state(0);
  /** Playing as another page (the presenter's) says: its steps arrive, no timer runs here. */
  driven = $state(false);
  /** Called when this page's user works the replay (a viewer then stops following). */
  onuser: () => void = () => {};

  #view: ReplayView;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(view: ReplayView) {
    this.#view = view;
  }

  /** Index of the current step in the visible rows (-1 before the first). */
  index = $derived.by(() => {
    const sel = this.#view.selectedRecNo;
    return sel === null ? -1 : this.#view.visible.findIndex((r) => r.recNo === sel);
  });

  /** Step duration at the current speed (ms). */
  stepMs = $derived(STEP_MS / this.speed);

  /** Whether the row at `i` is drawn: everything, or in reveal mode up to the current step. */
  shows(i: number): boolean {
    return !this.reveal || i <= this.index;
  }

  /** Moves by `n` steps (negative: back); stops playing at either end. */
  step(n: number): void {
    const rows = this.#view.visible;
    if (rows.length === 0) return;
    const at = this.index;
    const next = Math.min(rows.length - 1, Math.max(0, at < 0 ? (n > 0 ? n - 1 : 0) : at + n));
    this.#view.select(rows[next]!.recNo, 'keyboard');
  }

  first(): void {
    const rows = this.#view.visible;
    if (rows.length) this.#view.select(rows[0]!.recNo, 'keyboard');
  }

  last(): void {
    const rows = this.#view.visible;
    if (rows.length) this.#view.select(rows.at(-1)!.recNo, 'keyboard');
  }

  /** Play or pause, as the user asks (read before a following page lets go of the presenter's). */
  toggle(): void {
    const was = this.playing;
    this.onuser();
    if (was) this.pause();
    else this.play();
  }

  /** Plays from the current step (from the first when at the end or before the start). */
  play(): void {
    const rows = this.#view.visible;
    if (rows.length === 0) return;
    if (this.index < 0 || this.index >= rows.length - 1) this.first();
    this.playing = true;
    this.tick++;
    this.#schedule();
  }

  pause(): void {
    this.playing = false;
    this.driven = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Back to the first step, revealing from there, and plays. */
  restart(): void {
    this.onuser();
    this.pause();
    this.first();
    this.play();
  }

  setSpeed(s: number): void {
    this.onuser();
    this.speed = Math.min(4, Math.max(0.25, s));
    if (this.playing) this.#schedule();
  }

  setReveal(on: boolean): void {
    this.onuser();
    this.reveal = on;
  }

  /** The position to send to other pages. */
  position(): ReplayPosition {
    return {
      recNo: this.#view.selectedRecNo,
      playing: this.playing,
      speed: this.speed,
      reveal: this.reveal,
    };
  }

  /**
   * Takes a position from elsewhere (the presenter's page). Its steps keep arriving while it
   * plays, so no timer runs here: the travelling packet restarts on each one.
   */
  apply(p: ReplayPosition): void {
    this.reveal = p.reveal;
    this.speed = Math.min(4, Math.max(0.25, p.speed));
    const moved = p.recNo !== this.#view.selectedRecNo;
    if (moved) this.#view.select(p.recNo, 'presenter');
    if (p.playing) {
      if (!this.driven) this.pause();
      this.playing = true;
      this.driven = true;
      if (moved) this.tick++;
    } else if (this.playing) this.pause();
  }

  /** Stops a replay another page was playing here (this page explores on its own now). */
  release(): void {
    if (this.driven) this.pause();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (!this.playing) return;
      const rows = this.#view.visible;
      if (this.index >= rows.length - 1) {
        this.pause();
        return;
      }
      this.step(1);
      this.tick++;
      this.#schedule();
    }, this.stepMs);
  }
}

const KEY = Symbol('replay');

export function setReplay(r: Replay): Replay {
  return setContext(KEY, r);
}

export function getReplay(): Replay {
  const r = getContext<Replay | undefined>(KEY);
  if (!r) throw new Error('getReplay() outside the App tree');
  return r;
}
