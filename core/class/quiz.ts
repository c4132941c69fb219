/**
 * The "what comes next?" quiz: from the packet that really follows a step, a short list of
 * choices (who sends, with which TCP flags), the answer's index, and the running tally.
 */
import type { Side } from '../types.ts';
import { mulberry32 } from '../random/mulberry32.ts';

/** One choice: the packet's sender and its flags in print order (`SYN,ACK`). */
export interface QuizChoice {
  from: Side;
  flags: string;
}

/** Flags a TCP packet of a teaching exchange plausibly carries, as distractors. */
const FLAG_POOL = ['SYN', 'SYN,ACK', 'ACK', 'PSH,ACK', 'FIN,ACK', 'RST', 'RST,ACK'] as const;

/** Choices shown for one question (the answer and three others). */
export const QUIZ_CHOICES = 4;

export interface QuizDraft {
  choices: QuizChoice[];
  /** Index of the packet that really came next. */
  answer: number;
}

function same(a: QuizChoice, b: QuizChoice): boolean {
  return a.from === b.from && a.flags === b.flags;
}

function other(side: Side): Side {
  return side === 'client' ? 'server' : 'client';
}

/**
 * Builds the choices for `next`, the packet that really follows. The first distractor is the same
 * flags from the other side (the usual mistake: who answers?); the rest come from the pool in a
 * seeded order, so a question asked twice reads the same.
 */
export function draftQuiz(next: QuizChoice, seed: number): QuizDraft {
  const random = mulberry32(seed);
  const picks: QuizChoice[] = [next];
  const add = (c: QuizChoice) => {
    if (picks.length < QUIZ_CHOICES && !picks.some((p) => same(p, c))) picks.push(c);
  };
  add({ from: other(next.from), flags: next.flags });
  const pool: QuizChoice[] = FLAG_POOL.flatMap((flags) => [
    { from: next.from, flags },
    { from: other(next.from), flags },
  ]);
  while (picks.length < QUIZ_CHOICES && pool.length > 0) {
    const [c] = pool.splice(Math.floor(random() * pool.length), 1);
    if (c) add(c);
  }
  // Shuffle so the answer is not always first (Fisher–Yates on the seeded stream).
  for (let i = picks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [picks[i], picks[j]] = [picks[j]!, picks[i]!];
  }
  return { choices: picks, answer: picks.findIndex((p) => same(p, next)) };
}

/** What became of one answer. */
export type AnswerOutcome =
  | 'counted' // the viewer's first answer to this question
  | 'again' // the viewer had already answered: the first answer stands
  | 'invalid'; // not one of the choices

/** Answers counted per choice: one answer per viewer per question, the first one stands. */
export class QuizTally {
  #byViewer = new Map<string, number>();
  readonly #choices: number;

  constructor(choices: number) {
    this.#choices = choices;
  }

  answer(viewer: string, choice: number): AnswerOutcome {
    if (!Number.isInteger(choice) || choice < 0 || choice >= this.#choices) return 'invalid';
    if (this.#byViewer.has(viewer)) return 'again';
    this.#byViewer.set(viewer, choice);
    return 'counted';
  }

  counts(): number[] {
    const counts = new Array<number>(this.#choices).fill(0);
    for (const c of this.#byViewer.values()) counts[c]! += 1;
    return counts;
  }

  get answered(): number {
    return this.#byViewer.size;
  }

  answerOf(viewer: string): number | undefined {
    return this.#byViewer.get(viewer);
  }
}
