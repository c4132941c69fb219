import { describe, expect, it } from 'vitest';
import { SCENARIOS } from './scenario-catalog.ts';
import { isStepExpectation } from './expectation.ts';
import { SCENARIO_IDS, isScenarioId } from './scenario-id.ts';
import { expectationsFor } from './scenario-expectations.ts';
import { scenarioSummaries } from './scenario-summaries.ts';

describe('the scenario catalog', () => {
  it('has every id once, in order, with a title and two lines of description', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(SCENARIO_IDS);
    for (const s of SCENARIOS) {
      expect(s.title.length).toBeGreaterThan(3);
      expect(s.description).toHaveLength(2);
    }
  });

  it.each(SCENARIO_IDS.map((id) => ({ id })))('$id expects socket steps and packets', ({ id }) => {
    const e = expectationsFor(id);
    expect(e.some(isStepExpectation)).toBe(true);
    expect(e.some((x) => !isStepExpectation(x))).toBe(true);
  });

  it('sizes concurrent by its clients', () => {
    expect(expectationsFor('concurrent', { clients: 3 })[0]).toEqual({
      check: 'conversations',
      count: 3,
    });
  });

  it.each([
    { input: 'classic', expected: true },
    { input: 'Classic', expected: false },
    { input: '__proto__', expected: false },
  ])('isScenarioId($input)', ({ input, expected }) => {
    expect(isScenarioId(input)).toBe(expected);
  });

  it('summarizes expectations in words for the page', () => {
    const udp = scenarioSummaries().find((s) => s.id === 'udp-unreachable')!;
    expect(udp.expects).toContainEqual({ text: 'client gets ECONNREFUSED', on: 'steps' });
    expect(udp.expects).toContainEqual({
      text: 'an ICMP port unreachable comes back',
      on: 'packets',
    });
  });
});
