import { describe, expect, it } from 'vitest';
import { ownerAnswer } from './owner-answer.ts';

describe('ownerAnswer (a rename or delete carried out by the process that holds the session)', () => {
  it.each([
    { name: 'no process holds it', answers: [null, null], expected: null },
    { name: 'none answered', answers: [], expected: null },
    {
      name: 'the owner carried it out',
      answers: [null, { ok: true, session: 'file-1' }],
      expected: { ok: true, session: 'file-1' },
    },
    {
      name: 'the owner refused',
      answers: [{ ok: false, error: 'No session named "file-1".' }, null],
      expected: { ok: false, error: 'No session named "file-1".' },
    },
  ])('$name', ({ answers, expected }) => {
    expect(ownerAnswer(answers, 'file-1')).toEqual(expected);
  });

  it.each([
    { name: 'a field as null', answer: { ok: false, error: 'x', limit: null } },
    { name: 'no session', answer: { ok: true } },
    { name: 'an extra field', answer: { ok: true, session: 'file-1', admin: true } },
    { name: 'an overlong error', answer: { ok: false, error: 'x'.repeat(10_000) } },
    { name: 'not an object', answer: 'ok' },
  ])('refuses a malformed answer in one line: $name', ({ answer }) => {
    const res = ownerAnswer([null, answer], 'file-1');
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/file-1.*does not know\.$/) });
    expect(res && !res.ok && res.error).not.toContain('\n');
  });
});
