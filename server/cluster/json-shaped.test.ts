import { describe, it, expect } from 'vitest';
import { jsonShaped } from './json-shaped.ts';

describe('jsonShaped', () => {
  it('drops fields left undefined, at any depth, and keeps null', () => {
    const record = {
      recNo: 3,
      remote: null,
      analysis: { seq: 1, ack: undefined, teach: undefined },
    };
    const shaped = jsonShaped(record);
    expect(shaped).toStrictEqual({ recNo: 3, remote: null, analysis: { seq: 1 } });
    expect(Object.keys(shaped.analysis)).toEqual(['seq']);
  });

  it('passes null and undefined (no answer) through', () => {
    expect(jsonShaped(null)).toBeNull();
    expect(jsonShaped(undefined)).toBeUndefined();
  });
});
