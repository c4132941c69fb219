/** What `packet-ladder scenario` prints for one run: the ladder and the verdict, or JSON Lines. */
import { scenarioEntry, textLadder, timelineJson } from '../../core/scenario/index.ts';
import { localizedScenario } from '../../core/scenario/scenario-catalog-zh.ts';
import type { CheckResult, Verdict } from '../../core/scenario/verdict.ts';
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
  const lang = opts.lang ?? 'en';
  const w = LABELS[lang];
  const e = localizedScenario(scenarioEntry(run.id), lang);
  const v = localizedVerdict(run.verdict, lang);
  const lines = [
    `${w.scenario} ${run.id}: ${e.title}${opts.target ? ` (${w.against} ${opts.target})` : ''}`,
    ...e.description.map((d) => `  ${d}`),
    `${w.capture}: ${captureLine(run, lang)}`,
    '',
    textLadder(run.timeline),
    `${w.verdict}: ${v.summary}`,
    ...v.checks.map((c) => checkLine(c, lang)),
    '',
  ];
  return lines.join('\n');
}

/** The verdict in `lang` (English when it carries no translation). */
export function localizedVerdict(v: Verdict, lang: Locale): Pick<Verdict, 'summary' | 'checks'> {
  const zh = lang === 'zh-CN' ? v.zh : undefined;
  if (!zh) return v;
  return { summary: zh.summary, checks: v.checks.map((c, i) => ({ ...c, ...zh.checks[i] })) };
}

/** The words around the ladder; the ladder's own labels are the protocol's (SYN, Seq, Ack…). */
const LABELS = {
  en: {
    scenario: 'Scenario',
    against: 'against',
    capture: 'Capture',
    verdict: 'Verdict',
    optional: ' (optional)',
    marks: { met: 'ok         ', differs: 'DIFFERS    ', unchecked: 'not checked' },
  },
  'zh-CN': {
    scenario: '场景',
    against: '目标',
    capture: '抓包',
    verdict: '结论',
    optional: '（可选）',
    marks: { met: '符合  ', differs: '不同  ', unchecked: '未检查' },
  },
} as const;

function checkLine(c: CheckResult, lang: Locale): string {
  const mark = LABELS[lang].marks[c.status];
  const optional = c.optional ? LABELS[lang].optional : '';
  const detail = c.detail ? ` — ${c.detail}` : '';
  return `  ${mark} ${c.text}${optional}${detail}`;
}

function captureLine(run: ScenarioRun, lang: Locale): string {
  const t = run.timeline;
  const zh = lang === 'zh-CN';
  if (!t.captured)
    return zh
      ? '关闭（只有套接字步骤；加 --capture 才能检查报文）'
      : 'off (socket steps only; add --capture to check packets)';
  const gaps = t.captureGaps ? `; ${t.captureGaps}` : '';
  return zh ? `${t.packets.length} 个报文${gaps}` : `${t.packets.length} packet(s)${gaps}`;
}
