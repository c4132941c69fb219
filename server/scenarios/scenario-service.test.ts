/** The scenario service on a machine that cannot make impaired links: loss scenarios listed, disabled. */
import { describe, expect, it } from 'vitest';
import { LOSS_SCENARIO_IDS } from '../../core/scenario/scenario-id.ts';
import type { ScenarioEnv } from './run-scenario.ts';
import { createScenarioService } from './scenario-service.ts';

/** Never used: nothing here is allowed to run. */
const env = {} as ScenarioEnv;

describe('scenario service without what impaired links need', () => {
  const service = createScenarioService(env, undefined, { ok: false, missing: 'nftables' });

  it('lists every scenario; only the loss ones say what is missing', () => {
    const { scenarios } = service.catalog();
    const off = scenarios.filter((s) => s.unavailable).map((s) => s.id);
    expect(off).toEqual([...LOSS_SCENARIO_IDS]);
    expect(new Set(scenarios.filter((s) => s.unavailable).map((s) => s.unavailable))).toEqual(
      new Set(['nftables']),
    );
    expect(scenarios.find((s) => s.id === 'classic')?.unavailable).toBeUndefined();
  });

  it('refuses to queue them, in one sentence with the fix', () => {
    expect(service.enqueue('data-lost', {}, 'page-1')).toEqual({
      ok: false,
      error: 'Loss scenarios need nftables; install it with: sudo apt-get install nftables.',
    });
    expect(service.catalog().runs).toEqual([]);
  });
});
