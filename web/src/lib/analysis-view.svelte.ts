/**
 * What the teaching views share: sequence mode, flag filter, table layout, hovered record, a clock
 * for TIME_WAIT countdowns, and what is derived from the shown conversation (states, links,
 * phases). Reads the view state; owns no records.
 */
import { getContext, setContext } from 'svelte';
import type { SessionRecord } from '../../../core/protocol.ts';
import type { ViewState } from './view-state.svelte.ts';
import type { SeqMode } from './seq-columns.ts';
import type { FlagFilter } from './flag-filter.ts';
import { timeWaitClock } from './time-wait-clock.ts';
import { derivedStatesOf, timeWaitStarts } from './side-states.ts';
import { linkedTo, linksOf } from './record-links.ts';
import type { RowSpacing } from './row-spacing.ts';

/** How the ladder and the table share the page. */
export type TableLayout =
  | 'side' // ladder left, table right
  | 'stack'; // a shorter ladder above, the table full width below

/** The newest records TIME_WAIT's clock looks at in a file (see timeWaitClock). */
const CLOCK_RECORDS = 64;

export class AnalysisView {
  seqMode = $state<SeqMode>('relative');
  flagFilter = $state<FlagFilter>('all');
  layout = $state<TableLayout>('side');
  hoverRecNo = $state<number | null>(null);
  /** Rows share the ladder's height so a whole conversation shows at once. */
  fit = $state(true);
  spacing = $state<RowSpacing>('even');
  /** The right-hand pane shows the packet details instead of the steps table. */
  details = $state(false);
  /** Wall clock in µs since the epoch (the axis of records), ticking once a second. */
  now = $state(Date.now() * 1000);

  #view: ViewState;

  constructor(view: ViewState) {
    this.#view = view;
  }

  /** What TIME_WAIT counts against: wall clock live, capture time in a file (see timeWaitClock). */
  clock = $derived.by(() =>
    timeWaitClock(this.#view.live, this.now, this.#view.store.tail(CLOCK_RECORDS)),
  );

  /** All records of the shown conversation, whatever the show filter. */
  records = $derived.by((): readonly SessionRecord[] => this.#view.conversationRecords);

  /** t = 0: the shown conversation's first record (the capture's first packet for files). */
  timeZero = $derived(this.records[0]?.time ?? 0);
  derived = $derived(derivedStatesOf(this.records));
  timeWait = $derived(timeWaitStarts(this.records, this.derived));
  links = $derived(linksOf(this.records));
  /** Records tied to the selected or hovered one. */
  linked = $derived.by(() => linkedTo(this.links, [this.#view.selectedRecNo, this.hoverRecNo]));
  /** The shown conversation's summary (phases, RTT, response time) once it has packets. */
  phases = $derived.by(() => {
    const s = this.#view.activeSummary;
    return s && s.packets > 0 ? s : null;
  });

  /** When `conv`'s `side` entered TIME_WAIT, µs. */
  timeWaitSince(conv: string | undefined, side: 'client' | 'server'): number | undefined {
    return conv ? this.timeWait.get(conv)?.[side] : undefined;
  }

  /** Starts the clock; returns the function that stops it. */
  startClock(): () => void {
    const id = setInterval(() => (this.now = Date.now() * 1000), 1000);
    return () => clearInterval(id);
  }
}

const KEY = Symbol('analysis-view');

export function setAnalysisView(a: AnalysisView): AnalysisView {
  return setContext(KEY, a);
}

export function getAnalysisView(): AnalysisView {
  const a = getContext<AnalysisView | undefined>(KEY);
  if (!a) throw new Error('getAnalysisView() outside the App tree');
  return a;
}
