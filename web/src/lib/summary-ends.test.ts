import { describe, expect, it } from 'vitest';
import { emptySummary } from '../../../core/analysis/conversation-summary.ts';
import { summaryEnds } from './summary-ends.ts';
import { CLIENT, CONV, SERVER } from './testdata/records.ts';

describe('summaryEnds', () => {
  const cases = [
    {
      name: 'both endpoints known',
      input: emptySummary(CONV, 'tcp', CLIENT, SERVER, 0, 0),
      expected: { client: CLIENT, server: SERVER },
    },
    {
      name: 'not told yet',
      input: emptySummary(CONV, 'tcp', { address: '', port: 0 }, { address: '', port: 0 }, -1, 0),
      expected: { client: null, server: null },
    },
    { name: 'no summary', input: null, expected: { client: null, server: null } },
  ];
  for (const c of cases) it(c.name, () => expect(summaryEnds(c.input)).toEqual(c.expected));
});
