/** Summaries of recently finished conversations, bounded, and the list conversations() gives. */
import type { ConversationSummary } from './conversation-summary.ts';

export class ConversationList {
  readonly #finished: ConversationSummary[] = [];
  readonly #max: number;

  /** `max`: summaries listed at most, live and finished (the oldest are forgotten). */
  constructor(max: number) {
    this.#max = max;
  }

  /** Keeps the summary of a conversation the analyzer no longer tracks. */
  finish(s: ConversationSummary): void {
    const finished = this.#finished;
    finished.push(s);
    // Trim in batches: dropping one from the front each time would move the whole list each time.
    if (finished.length >= 2 * this.#max) finished.splice(0, finished.length - this.#max);
  }

  /** Copies of the finished and `live` summaries, the newest `max`, in order of first packet. */
  list(live: Iterable<ConversationSummary>): ConversationSummary[] {
    const all = [...this.#finished.slice(-this.#max), ...live];
    all.sort((a, b) => a.firstTime - b.firstTime);
    return all.slice(-this.#max).map((s) => ({ ...s, phases: s.phases.map((x) => ({ ...x })) }));
  }
}
