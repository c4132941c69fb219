import { describe, expect, it } from 'vitest';
import { SummaryTracker } from '../../../core/analysis/summary-tracker.ts';
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import { SummaryIndex } from './summary-index.ts';
import { step, tcp } from './testdata/records.ts';

/** Core's summaries of `n` one-record conversations (ports 40000…), oldest first. */
function summaries(n: number, packets = false): ConversationSummary[] {
  const t = new SummaryTracker();
  for (let i = 0; i < n; i++) {
    const conv = `tcp 127.0.0.1:${40000 + i} > 127.0.0.1:23400`;
    t.add(packets ? tcp(i + 1, ['SYN'], { conv }) : step(i + 1, { conv }));
  }
  return t.takeChanged();
}

describe('SummaryIndex', () => {
  it('lists conversations newest first and replaces a summary in place', () => {
    const ix = new SummaryIndex();
    const s = summaries(3);
    ix.put(s);
    expect(ix.size).toBe(3);
    expect(ix.newest(0)?.conv).toBe(s[2]!.conv);
    expect(ix.newest(2)?.conv).toBe(s[0]!.conv);
    expect(ix.newest(3)).toBeUndefined();
    ix.put([{ ...s[0]!, records: 5 }]);
    expect(ix.size).toBe(3);
    expect(ix.get(s[0]!.conv)?.records).toBe(5);
    expect(ix.newest(2)?.conv).toBe(s[0]!.conv);
  });

  it('counts conversations with packets through replacements', () => {
    const ix = new SummaryIndex();
    const [calls] = summaries(1);
    const [packets] = summaries(1, true);
    ix.put([calls!]);
    expect(ix.withPackets).toBe(0);
    ix.put([packets!]); // the same conversation, now with a packet
    expect(ix.withPackets).toBe(1);
    ix.put([packets!]);
    expect(ix.withPackets).toBe(1);
  });

  it('drops the oldest conversations past its bound, at O(1) each', () => {
    const ix = new SummaryIndex(1000);
    const s = summaries(5000, true);
    for (let i = 0; i < s.length; i += 100) ix.put(s.slice(i, i + 100));
    expect(ix.size).toBe(1000);
    expect(ix.get(s[3999]!.conv)).toBeUndefined();
    expect(ix.newest(999)?.conv).toBe(s[4000]!.conv);
    expect(ix.withPackets).toBe(1000);
    expect(ix.visited).toBe(5000 + 4000);
  });
});
