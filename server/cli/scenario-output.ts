/** What `packet-ladder scenario` prints for one run: the ladder and the verdict, or JSON Lines. */
import { scenarioEntry, textLadder, timelineJson } from '../../core/scenario/index.ts';
import type { CheckResult } from '../../core/scenario/verdict.ts';
import type { ScenarioRun } from '../scenarios/run-scenario.ts';
import type { Locale } from '../../core/explain/render-explanation.ts';

export function formatRun(
  run: ScenarioRun,
  opts: { json: boolean; lang?: Locale; target?: string },
): string {
  if (opts.json)
    return timelineJson(run.timeline, opts.lang ?? 'en')
      .map((o) => JSON.stringify(o) + '\n')
      .join('');
  const e = scenarioEntry(run.id);
  const lines = [
    `Scenario ${e.id}: ${e.title}${opts.target ? ` (against ${opts.target})` : ''}`,
    ...e.description.map((d) => `  ${d}`),
    `Capture: ${captureLine(run)}`,
    '',
    textLadder(run.timeline),
    `Verdict: ${run.verdict.summary}`,
    ...run.verdict.checks.map(checkLine),
    '',
  ];
  return lines.join('\n');
}

function checkLine(c: CheckResult): string {
  const mark = { met: 'ok         ', differs: 'DIFFERS    ', unchecked: 'not checked' }[c.status];
  const optional = c.optional ? ' (optional)' : '';
  const detail = c.detail ? ` — ${c.detail}` : '';
  return `  ${mark} ${c.text}${optional}${detail}`;
}

function captureLine(run: ScenarioRun): string {
  const t = run.timeline;
  if (!t.captured) return 'off (socket steps only; add --capture to check packets)';
  return `${t.packets.length} packet(s)${t.captureGaps ? `; ${t.captureGaps}` : ''}`;
}
