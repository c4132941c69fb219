/**
 * One copy of each short string that a file's conversation summaries and analysis extras repeat.
 * They come from the reading worker by structured clone, which makes a string object for every
 * field ("127.0.0.1", "TIME_WAIT", "data"… once per conversation): on a file of 115,000
 * conversations the copies were about a fifth of the page's heap of objects.
 */
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import type { PacketAnalysis } from '../../../core/analysis/packet-analysis.ts';

export class SharedStrings {
  readonly #seen = new Map<string, string>();

  /** The first copy of `s` seen. */
  of<T extends string>(s: T): T {
    const kept = this.#seen.get(s);
    if (kept !== undefined) return kept as T;
    this.#seen.set(s, s);
    return s;
  }

  /** Points the summary's repeated fields at shared copies (the summary is changed in place). */
  summary(s: ConversationSummary): void {
    s.conv = this.of(s.conv);
    s.transport = this.of(s.transport);
    s.client.address = this.of(s.client.address);
    s.server.address = this.of(s.server.address);
    if (s.state) s.state = { client: this.of(s.state.client), server: this.of(s.state.server) };
    for (const p of s.phases) p.phase = this.of(p.phase);
    if (s.origin !== undefined) s.origin = this.of(s.origin);
    if (s.ending !== undefined) s.ending = this.of(s.ending);
    if (s.errors) s.errors = s.errors.map((e) => this.of(e));
  }

  /** The same for an analysis' extra fields (see analysis-columns.ts). */
  extra(a: Partial<PacketAnalysis>): void {
    if (a.teach) a.teach = a.teach.map((t) => this.of(t));
    if (a.retransmits) a.retransmits.trigger = this.of(a.retransmits.trigger);
  }
}
