import { describe, it, expect } from 'vitest';
import { createAnalyzer } from './analyzer.ts';
import { flagScenarios, numberScenarios, streamScenarios } from './testdata/scenarios.ts';

describe('tcp.analysis flags and relative numbers', () => {
  for (const { name, packets, expected } of [
    ...flagScenarios,
    ...numberScenarios,
    ...streamScenarios,
  ]) {
    it(name, () => {
      const a = createAnalyzer();
      const results = packets.map((p) => a.add(p).analysis);
      for (const [i, want] of Object.entries(expected)) {
        const got = results[Number(i)]!;
        const picked = Object.fromEntries(
          Object.keys(want).map((k) => [k, got[k as keyof typeof got]]),
        );
        expect(picked, `packet ${i}`).toEqual(want);
      }
      // Flags only where expected: every other packet is clean.
      results.forEach((r, i) => {
        if (!(i in expected)) expect(r?.analysis, `packet ${i}`).toBeUndefined();
      });
    });
  }
});
