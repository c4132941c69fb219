import { describe, expect, it } from 'vitest';
import { draftQuiz, QUIZ_CHOICES, QuizTally, type QuizChoice } from './quiz.ts';

const cases: { name: string; next: QuizChoice }[] = [
  { name: 'SYN,ACK answering a SYN', next: { from: 'server', flags: 'SYN,ACK' } },
  { name: 'the client ACK closing the handshake', next: { from: 'client', flags: 'ACK' } },
  { name: 'a reset', next: { from: 'server', flags: 'RST,ACK' } },
  { name: 'flags outside the pool', next: { from: 'client', flags: 'FIN,PSH,ACK' } },
];

describe('draftQuiz', () => {
  for (const { name, next } of cases) {
    it(`${name}: four distinct choices, the answer among them`, () => {
      const q = draftQuiz(next, 7);
      expect(q.choices).toHaveLength(QUIZ_CHOICES);
      expect(q.choices[q.answer]).toEqual(next);
      const keys = new Set(q.choices.map((c) => `${c.from} ${c.flags}`));
      expect(keys.size).toBe(QUIZ_CHOICES);
      // The usual mistake is offered: the same flags from the other side.
      const other = next.from === 'client' ? 'server' : 'client';
      expect(q.choices).toContainEqual({ from: other, flags: next.flags });
    });
  }

  it('reads the same for the same seed, and moves the answer around across seeds', () => {
    const next: QuizChoice = { from: 'server', flags: 'SYN,ACK' };
    expect(draftQuiz(next, 42)).toEqual(draftQuiz(next, 42));
    const positions = new Set(Array.from({ length: 40 }, (_, s) => draftQuiz(next, s).answer));
    expect(positions.size).toBeGreaterThan(2);
  });
});

describe('QuizTally', () => {
  it('counts one answer per viewer, the first one standing', () => {
    const t = new QuizTally(4);
    expect(t.answer('a', 1)).toBe('counted');
    expect(t.answer('b', 1)).toBe('counted');
    expect(t.answer('c', 3)).toBe('counted');
    expect(t.answer('a', 2)).toBe('again');
    expect(t.counts()).toEqual([0, 2, 0, 1]);
    expect(t.answered).toBe(3);
    expect(t.answerOf('a')).toBe(1);
  });

  it('refuses answers that are not one of the choices', () => {
    const t = new QuizTally(4);
    for (const bad of [-1, 4, 1.5, NaN, Infinity]) expect(t.answer('a', bad)).toBe('invalid');
    expect(t.answered).toBe(0);
  });
});
