/** A scenario lab with live capture for integration tests, and short views of a run's records. */
import type { Side } from '../../../core/protocol.ts';
import type { ScenarioRun } from '../run-scenario.ts';
import { startScenarioLab, type ScenarioLab } from '../scenario-lab.ts';

export function startTestLab(): Promise<ScenarioLab> {
  return startScenarioLab({
    echoHost: '127.0.0.1',
    echoPort: 0,
    capture: true,
    captureTool: 'tcpdump',
    maxRecords: 100_000,
  });
}

/** Step kinds of one side in one conversation of the run. */
export function kinds(run: ScenarioRun, side: Side, conv = 0): string[] {
  const c = run.timeline.convs[conv];
  return run.timeline.steps.filter((s) => s.conv === c && s.side === side).map((s) => s.kind);
}

/** Packets of one conversation as `side FLAGS[+data]`, e.g. `server SYN,ACK`. */
export function packets(run: ScenarioRun, conv = 0): string[] {
  const c = run.timeline.convs[conv];
  return run.timeline.packets
    .filter((p) => p.conv === c)
    .map((p) => {
      const what = p.tcp ? p.tcp.flags.filter((f) => f !== 'PSH').join(',') : p.proto;
      return `${p.analysis?.from ?? '?'} ${what}${p.len > 0 ? '+data' : ''}`;
    });
}

/** Packets of the run carrying an analysis flag, as `side flag`. */
export function flagged(run: ScenarioRun, flag: string): string[] {
  return run.timeline.packets
    .filter((p) => p.analysis?.analysis?.includes(flag as never))
    .map((p) => `${p.analysis!.from} ${flag}`);
}

/** What the verdict said, for failure messages. */
export function why(run: ScenarioRun): string {
  return [run.verdict.summary, run.error ?? '', ...run.verdict.checks.map((c) => `${c.status} ${c.text} ${c.detail ?? ''}`)].join('\n');
}
