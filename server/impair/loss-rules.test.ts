import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lossRuleset, type LossPlan } from './loss-rules.ts';

const PLANS: { plan: LossPlan; has: string[] }[] = [
  {
    plan: { drop: 'first-syn' },
    has: [
      'tcp dport 80 tcp flags & (syn | ack) == syn tcp sport @syn_seen accept',
      'add @syn_seen { tcp sport } drop',
    ],
  },
  {
    plan: { drop: 'client-data', nth: 5 },
    has: [
      'numgen inc mod 1073741824 == 4 drop',
      'tcp dport 80 ip hdrlength 5 tcp doff 8 ip length > 52 jump client_data',
    ],
  },
  { plan: { drop: 'client-data', nth: 3, every: 10 }, has: ['numgen inc mod 10 == 2 drop'] },
  {
    plan: { drop: 'first-server-ack' },
    has: ['tcp sport 80 tcp flags == ack ip hdrlength 5 tcp doff 8 ip length 52 jump server_ack'],
  },
  {
    plan: { drop: 'first-client-fin' },
    has: ['tcp dport 80 tcp flags & fin == fin jump client_fin'],
  },
  {
    plan: { drop: 'after-handshake' },
    has: ['numgen inc mod 1073741824 > 0 drop', 'tcp sport 80 tcp flags & syn == 0 drop'],
  },
];

describe('loss rulesets', () => {
  it.each(PLANS)('$plan.drop', ({ plan, has }) => {
    const text = lossRuleset(plan, 80);
    expect(text).toContain('type filter hook input priority filter; policy accept;');
    for (const rule of has) expect(text).toContain(rule);
    expect(text).not.toMatch(/random/); // deterministic: counters and sets only
  });

  // nft's own parser, in check mode (-c: nothing is loaded): the text is a valid ruleset.
  it.each(PLANS)('nft accepts $plan.drop', ({ plan }) => {
    expect(() =>
      execFileSync('nft', ['-c', '-f', '-'], { input: lossRuleset(plan, 80), stdio: 'pipe' }),
    ).not.toThrow();
  });
});
