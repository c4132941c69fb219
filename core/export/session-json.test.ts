import { describe, expect, it } from 'vitest';
import { sessionJson } from './session-json.ts';
import { echoSession } from './testdata/echo-session.ts';

describe('sessionJson', () => {
  it('is one JSON document holding the session and every record, whatever the chunking', () => {
    const s = echoSession();
    const many = Array.from({ length: 600 }, (_, i) => s.records[i % s.records.length]!);
    const chunks = [...sessionJson({ id: 'live', name: 'x' }, many)];
    expect(chunks.length).toBeGreaterThan(2);
    const doc = JSON.parse(chunks.join('')) as { session: { id: string }; records: unknown[] };
    expect(doc.session.id).toBe('live');
    expect(doc.records).toEqual(many);
  });

  it('is valid JSON when empty', () => {
    expect(JSON.parse([...sessionJson({ id: 'a' }, [])].join(''))).toEqual({
      session: { id: 'a' },
      records: [],
    });
  });
});
