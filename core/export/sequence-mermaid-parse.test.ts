/** Mermaid's own parser (the `mermaid` package) accepts every exported sequence diagram. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sequenceMermaid } from './sequence-mermaid.ts';
import { echoSession } from './testdata/echo-session.ts';

const SCRIPT = fileURLToPath(new URL('./testdata/mermaid-parse.mjs', import.meta.url));

interface Verdict {
  ok: boolean;
  diagramType?: string;
  error?: string;
}

function mermaidParse(texts: string[]): Verdict[] {
  const out = execFileSync(process.execPath, [SCRIPT], {
    input: JSON.stringify(texts),
    timeout: 60_000,
  });
  return JSON.parse(out.toString()) as Verdict[];
}

const messages = [
  'hello',
  'wrap: a;b #c %%d <b>e</b>\nf',
  '-->> ->> --x end loop alt note over participant',
  '引号 "quoted" \'single\' `tick` {braces} [brackets] (parens) ###',
];

describe('Mermaid', () => {
  it('accepts the sequence diagram of every conversation, and refuses a broken one', () => {
    const texts = messages.map((m) => {
      const s = echoSession(m);
      return [...sequenceMermaid(s.records, s.conv)].join('');
    });
    const verdicts = mermaidParse([...texts, 'sequenceDiagram\n  C->>: x\n']);
    expect(verdicts.slice(0, -1)).toEqual(
      messages.map(() => ({ ok: true, diagramType: 'sequence' })),
    );
    expect(verdicts.at(-1)).toMatchObject({ ok: false });
  }, 60_000);
});
