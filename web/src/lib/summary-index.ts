/**
 * The conversation summaries the server sent (core's ConversationSummary, one per conversation),
 * by id and in order of first appearance. A summary update replaces the conversation's summary in
 * place: O(summaries in the update), never a pass over every conversation.
 */
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';

/** Summaries kept at most; the oldest conversations go first past it. */
export const MAX_SUMMARIES = 100_000;

export class SummaryIndex {
  #byConv = new Map<string, ConversationSummary>();
  /** Conversation ids, oldest first, from `#head` on. */
  #order: string[] = [];
  #head = 0;
  #withPackets = 0;
  #max: number;
  /** Summaries looked at since created: the work the O(batch) test counts. */
  visited = 0;

  constructor(max = MAX_SUMMARIES) {
    this.#max = Math.max(1, max);
  }

  get size(): number {
    return this.#order.length - this.#head;
  }

  /** Conversations with at least one packet (captured or read from a file). */
  get withPackets(): number {
    return this.#withPackets;
  }

  get(conv: string): ConversationSummary | undefined {
    return this.#byConv.get(conv);
  }

  /** The `i`-th newest conversation's summary (0 = newest). */
  newest(i = 0): ConversationSummary | undefined {
    const conv = this.#order[this.#order.length - 1 - i];
    return i >= 0 && i < this.size && conv !== undefined ? this.#byConv.get(conv) : undefined;
  }

  /** Adds or replaces summaries (whole, by `conv`). */
  put(list: readonly ConversationSummary[]): void {
    for (const s of list) {
      this.visited++;
      const old = this.#byConv.get(s.conv);
      if (!old) this.#order.push(s.conv);
      else if (old.packets > 0) this.#withPackets--;
      if (s.packets > 0) this.#withPackets++;
      this.#byConv.set(s.conv, s);
    }
    while (this.size > this.#max) this.#dropOldest();
  }

  clear(): void {
    this.#byConv.clear();
    this.#order = [];
    this.#head = 0;
    this.#withPackets = 0;
  }

  #dropOldest(): void {
    this.visited++;
    const conv = this.#order[this.#head++]!;
    const s = this.#byConv.get(conv);
    if (s && s.packets > 0) this.#withPackets--;
    this.#byConv.delete(conv);
    // Compact once the dropped part is as long as the rest: O(1) per summary, amortised.
    if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
    }
  }
}
