import { describe, expect, it } from 'vitest';
import { SCENARIOS } from './scenario-catalog.ts';
import { localizedScenario, SCENARIO_TEXT_ZH } from './scenario-catalog-zh.ts';

describe('scenario catalog in Simplified Chinese', () => {
  it.each(Object.keys(SCENARIO_TEXT_ZH))('%s has a Chinese title and two lines', (id) => {
    const entry = SCENARIOS.find((s) => s.id === id);
    expect(entry, `${id} is in the catalog`).toBeDefined();
    const zh = localizedScenario(entry!, 'zh-CN');
    expect(zh.title).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.description).toHaveLength(2);
    for (const line of zh.description) expect(line).toMatch(/[\u4e00-\u9fff]/);
  });

  it('English stays English; every scenario has its translation', () => {
    const classic = SCENARIOS.find((s) => s.id === 'classic')!;
    expect(localizedScenario(classic, 'en').title).toBe(classic.title);
    expect(Object.keys(SCENARIO_TEXT_ZH).sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
  });
});
