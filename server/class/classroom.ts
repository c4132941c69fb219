/**
 * The class around the presenter: the view every following page mirrors, and the quiz (one
 * question at a time; answers counted here, one per viewer, the answer kept here until revealed).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type {
  PresenterView,
  QuizAnswerResult,
  QuizAskRequest,
  QuizAskResult,
  QuizView,
} from '../../core/class/class-protocol.ts';
import { draftQuiz, QuizTally } from '../../core/class/quiz.ts';

interface OpenQuiz {
  view: QuizView;
  answer: number;
  nextRecNo: number;
  tally: QuizTally;
}

export interface ClassroomEvents {
  /** The presenter's view changed: tell every page. */
  view(v: PresenterView): void;
  /** A question changed; `forPresenters` carries the live tally while it is open. */
  quiz(forViewers: QuizView | null, forPresenters: QuizView | null): void;
}

/** A question another server process asked (with --redis): its pages' views, as it sent them. */
interface MirroredQuiz {
  forViewers: QuizView;
  forPresenters: QuizView;
}

export class Classroom {
  #view: PresenterView | null = null;
  #quiz: OpenQuiz | null = null;
  #mirror: MirroredQuiz | null = null;

  constructor(private events: ClassroomEvents) {}

  get view(): PresenterView | null {
    return this.#view;
  }

  setView(v: PresenterView): void {
    this.#view = v;
    this.events.view(v);
  }

  /** Takes the view a presenter set on another server process (its pages were told there). */
  adoptView(v: PresenterView): void {
    this.#view = v;
  }

  /**
   * Takes a question as another server process announced it (asked, answered, revealed, closed
   * there; its pages everywhere were told through the adapter). A question asked elsewhere
   * replaces this process's own: one question at a time for the whole class.
   */
  adoptQuiz(forViewers: QuizView, forPresenters: QuizView): void {
    if (this.#quiz && this.#quiz.view.id !== forViewers.id) this.#quiz = null;
    this.#mirror = forViewers.state === 'closed' ? null : { forViewers, forPresenters };
  }

  /** Whether the question `id` is asked here (not on another process). */
  owns(id: string): boolean {
    return this.#quiz?.view.id === id;
  }

  /** The question asked on this process, as a viewer or a presenter should see it (or null). */
  ownQuizFor(presenter: boolean): QuizView | null {
    const q = this.#quiz;
    if (!q) return null;
    return presenter || q.view.state !== 'open' ? this.#full(q) : q.view;
  }

  /** The question as a viewer or a presenter should see it now (null when none). */
  quizFor(presenter: boolean): QuizView | null {
    if (this.#quiz) return this.ownQuizFor(presenter);
    const m = this.#mirror;
    return m && (presenter ? m.forPresenters : m.forViewers);
  }

  ask(req: QuizAskRequest): QuizAskResult {
    const draft = draftQuiz({ from: req.next.from, flags: req.next.flags }, randomInt(2 ** 31));
    const view: QuizView = {
      id: randomBytes(6).toString('hex'),
      session: req.session,
      conv: req.conv,
      afterRecNo: req.afterRecNo,
      choices: draft.choices,
      state: 'open',
      answered: 0,
    };
    this.#mirror = null;
    this.#quiz = {
      view,
      answer: draft.answer,
      nextRecNo: req.next.recNo,
      tally: new QuizTally(draft.choices.length),
    };
    this.#announce();
    return { ok: true, quiz: this.#full(this.#quiz) };
  }

  answer(viewer: string, id: string, choice: number): QuizAnswerResult {
    const q = this.#quiz;
    if (!q || q.view.id !== id) return { ok: false, error: 'That question is no longer asked.' };
    if (q.view.state !== 'open')
      return { ok: false, error: 'Answers are closed for this question.' };
    const outcome = q.tally.answer(viewer, choice);
    if (outcome === 'invalid') return { ok: false, error: 'That is not one of the choices.' };
    if (outcome === 'counted') {
      q.view = { ...q.view, answered: q.tally.answered };
      this.#announce();
    }
    return { ok: true, outcome, choice: q.tally.answerOf(viewer) ?? choice };
  }

  reveal(id: string): QuizAskResult {
    const q = this.#quiz;
    if (!q || q.view.id !== id) return { ok: false, error: 'That question is no longer asked.' };
    q.view = { ...q.view, state: 'revealed' };
    this.#announce();
    return { ok: true, quiz: this.#full(q) };
  }

  close(id: string): QuizAskResult {
    const q = this.#quiz;
    if (!q || q.view.id !== id) return { ok: false, error: 'That question is no longer asked.' };
    q.view = { ...q.view, state: 'closed' };
    const closed = this.#full(q);
    this.#quiz = null;
    this.events.quiz(closed, closed);
    return { ok: true, quiz: closed };
  }

  #full(q: OpenQuiz): QuizView {
    const full: QuizView = { ...q.view, counts: q.tally.counts() };
    if (q.view.state !== 'open') {
      full.answer = q.answer;
      full.nextRecNo = q.nextRecNo;
    }
    return full;
  }

  #announce(): void {
    const q = this.#quiz;
    if (!q) return;
    this.events.quiz(q.view.state === 'open' ? q.view : this.#full(q), this.#full(q));
  }
}
