/**
 * `packet-ladder scenario <id>`: starts its own lab on free loopback ports, runs one scenario of
 * the catalog, prints its timeline (a text ladder, or JSON Lines with --json) and the verdict.
 * Exit code 0 as expected, 1 when what was seen differs (or the lab could not start), 2 for usage.
 */
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { formatEndpoint } from '../../core/conversation-id.ts';
import type { Endpoint } from '../../core/protocol.ts';
import { SCENARIOS, isScenarioId, scenarioEntry } from '../../core/scenario/index.ts';
import { CONCURRENT_MAX } from '../../core/scenario/scenario-sizes.ts';
import { runScenario } from '../scenarios/run-scenario.ts';
import { retarget, startScenarioLab } from '../scenarios/scenario-lab.ts';
import { isAllowed, parseTarget } from '../scenarios/target-policy.ts';
import { formatRun, localizedVerdict } from './scenario-output.ts';
import { isLocale, type Locale } from '../../core/explain/render-explanation.ts';
import { IMPAIR_MISSING_TEXT } from '../../core/scenario/impair-missing.ts';
import { impairSupport, type ImpairSupport } from '../impair/impair-support.ts';

export const SCENARIO_HELP = `Usage: packet-ladder scenario <id> [flags]
       packet-ladder scenario --list

Runs one scenario against this program's own echo endpoints (started on free loopback ports),
prints what happened as a text ladder (client | server), then whether it went as expected.
Exit code 0 as expected, 1 when something differs, 2 for a bad id or flag.

Flags:
  --capture              also capture the packets (tcpdump on lo) and check them
  --json                 print JSON Lines instead: one object per packet or socket step, each
                         with \`explain\`, the sentence the page shows for it
  --lang en|zh-CN        language of \`explain\`, the title and the verdict (default en)
  --clients N            clients of the concurrent scenario (1 to ${CONCURRENT_MAX}, default 5)
  --allow-target H:P     allow connecting to H:P (repeatable); nothing else outside is ever used
  --target H:P           run the scenario against H:P (must be allowed with --allow-target)
  --list                 list the scenarios
  -h, --help             show this help
`;

interface Parsed {
  id: string;
  capture: boolean;
  json: boolean;
  lang: Locale;
  clients?: number;
  target?: Endpoint;
}

/** `support`: whether impaired links work here (asked only when a loss scenario needs it). */
export async function runScenarioCommand(
  argv: string[],
  out: Writable,
  err: Writable,
  support: () => ImpairSupport = impairSupport,
): Promise<number> {
  const usage = (text: string) => {
    err.write(`packet-ladder scenario: ${text}\n`);
    return 2;
  };
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        capture: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        clients: { type: 'string' },
        'allow-target': { type: 'string', multiple: true },
        target: { type: 'string' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    return usage(`${(e as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return (void out.write(SCENARIO_HELP), 0);
  if (values.list) return (void out.write(listText(support())), 0);
  if (positionals.length !== 1) return usage('name one scenario id (see --list).');
  const id = positionals[0]!;
  if (!isScenarioId(id)) return usage(`no scenario "${id}" (see --list).`);
  if (!isLocale(values.lang)) return usage(`--lang must be en or zh-CN, not "${values.lang}".`);
  const can = scenarioEntry(id).impaired ? support() : { ok: true as const };
  if (!can.ok) {
    err.write(`packet-ladder scenario: ${IMPAIR_MISSING_TEXT[can.missing]}\n`);
    return 1;
  }
  const p: Parsed = { id, capture: values.capture, json: values.json, lang: values.lang };
  if (values.clients !== undefined) {
    const n = Number(values.clients);
    if (!/^\d+$/.test(values.clients) || n < 1 || n > CONCURRENT_MAX)
      return usage(`--clients must be a whole number from 1 to ${CONCURRENT_MAX}.`);
    if (id !== 'concurrent') return usage('--clients applies only to the concurrent scenario.');
    p.clients = n;
  }
  const allowed: Endpoint[] = [];
  for (const text of values['allow-target'] ?? []) {
    const t = parseTarget(text);
    if (!t)
      return usage(
        `--allow-target needs an IP address and a port, like 127.0.0.1:7, not "${text}".`,
      );
    allowed.push(t);
  }
  if (values.target !== undefined) {
    const t = parseTarget(values.target);
    if (!t) return usage(`--target needs an IP address and a port, not "${values.target}".`);
    if (!isAllowed(t, allowed))
      return usage(
        `--target ${values.target} is not allowed; add --allow-target ${values.target}.`,
      );
    if (!scenarioEntry(id).targetable)
      return usage(`the ${id} scenario only runs against this program's own endpoints.`);
    p.target = t;
  }
  return run(id, p, out, err);
}

async function run(id: string, p: Parsed, out: Writable, err: Writable): Promise<number> {
  if (!isScenarioId(id)) return 2;
  let sl;
  try {
    sl = await startScenarioLab(
      {
        echoHost: '127.0.0.1',
        echoPort: 0,
        capture: p.capture,
        captureTool: 'auto',
        maxRecords: 200_000,
      },
      p.target && isLoopback(p.target.address) ? [p.target] : [],
    );
  } catch (e) {
    err.write(`packet-ladder scenario: could not start the lab: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const capture = sl.lab.capture();
    if (p.capture && capture.state !== 'running') {
      err.write(
        `packet-ladder scenario: capture is ${capture.state}${capture.message ? `: ${capture.message}` : ''}; packet expectations will not be checked.\n`,
      );
    }
    const env = p.target ? { ...sl.env, targets: retarget(sl.env.targets, p.target) } : sl.env;
    const result = await runScenario(id, env, p.clients ? { clients: p.clients } : {});
    const target = p.target && formatEndpoint(p.target);
    out.write(formatRun(result, { json: p.json, lang: p.lang, target }));
    if (p.json) err.write(`${localizedVerdict(result.verdict, p.lang).summary}\n`);
    if (result.error) err.write(`packet-ladder scenario: ${result.error}\n`);
    if (result.verdict.outcome === 'differs') {
      if (!p.json) err.write(`${localizedVerdict(result.verdict, p.lang).summary}\n`);
      return 1;
    }
    return 0;
  } finally {
    await sl.close();
  }
}

function listText(can: ImpairSupport): string {
  const width = Math.max(...SCENARIOS.map((s) => s.id.length));
  const pad = `\n${' '.repeat(width + 2)}`;
  return SCENARIOS.map((s) => {
    const off =
      s.impaired && !can.ok ? `${pad}(unavailable) ${IMPAIR_MISSING_TEXT[can.missing]}` : '';
    return `${s.id.padEnd(width)}  ${s.title}${pad}${s.description.join(pad)}${off}\n`;
  }).join('');
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.');
}
