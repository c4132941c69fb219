/**
 * The quiz across server processes: one question at a time for the whole class. The process whose
 * presenter asked it holds it (the right answer and the tally); every page already hears its
 * announcements through the adapter, and the other processes keep a copy so a page connecting to
 * them is told the question too. Answers, reveals and closes made on another process are sent to
 * the holder, which counts them and announces the new tally to every page.
 */
import type { QuizAnswerResult, QuizAskResult, QuizView } from '../../core/class/class-protocol.ts';
import { PRESENTERS, type QuizElsewhere } from '../class/class-handlers.ts';
import type { Classroom } from '../class/classroom.ts';
import type { HubServer } from '../hub/hub-server.ts';
import { askOthers } from './ask-others.ts';
import {
  quizActSchema,
  quizAnswerResultSchema,
  quizAskResultSchema,
  quizPairSchema,
  type QuizAct,
} from './cluster-events.ts';

export interface ClassQuizSync extends QuizElsewhere {
  /** A question changed on this process. */
  published(forViewers: QuizView, forPresenters: QuizView): void;
  /** After (re)joining: takes the question asked elsewhere, if any and none is asked here. */
  rejoined(): Promise<void>;
}

const GONE = 'That question is no longer asked.';

export function syncClassQuiz(io: HubServer, room: () => Classroom | null): ClassQuizSync {
  io.on('classQuiz', (forViewers, forPresenters) => {
    const parsed = quizPairSchema.safeParse({ forViewers, forPresenters });
    if (parsed.success) room()?.adoptQuiz(parsed.data.forViewers, parsed.data.forPresenters);
  });
  io.on('classQuizAct', (act, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = quizActSchema.safeParse(act);
    const classroom = room();
    if (!parsed.success || !classroom?.owns(parsed.data.id)) return ack(null);
    const a = parsed.data;
    ack(
      a.act === 'answer'
        ? classroom.answer(a.viewer, a.id, a.choice)
        : a.act === 'reveal'
          ? classroom.reveal(a.id)
          : classroom.close(a.id),
    );
  });
  io.on('classQuizNow', (ack) => {
    if (typeof ack !== 'function') return;
    const classroom = room();
    const forViewers = classroom?.ownQuizFor(false);
    const forPresenters = classroom?.ownQuizFor(true);
    ack(forViewers && forPresenters ? { forViewers, forPresenters } : null);
  });

  /** The holder's answer to an act, or null when no process holds the question. */
  async function carriedOut(act: QuizAct): Promise<unknown> {
    const answers = await askOthers(io, 'classQuizAct', act);
    return answers.find((a) => a !== null && a !== undefined) ?? null;
  }

  const act = async (a: QuizAct & { act: 'reveal' | 'close' }): Promise<QuizAskResult> => {
    const parsed = quizAskResultSchema.safeParse(await carriedOut(a));
    return parsed.success ? parsed.data : { ok: false, error: GONE };
  };

  return {
    published: (forViewers, forPresenters) =>
      void io.serverSideEmit('classQuiz', forViewers, forPresenters),
    answer: async (viewer, id, choice): Promise<QuizAnswerResult> => {
      const res = await carriedOut({ act: 'answer', id, viewer, choice });
      const parsed = quizAnswerResultSchema.safeParse(res);
      return parsed.success ? parsed.data : { ok: false, error: GONE };
    },
    reveal: (id) => act({ act: 'reveal', id }),
    close: (id) => act({ act: 'close', id }),
    rejoined: async () => {
      const answers = await askOthers(io, 'classQuizNow');
      const classroom = room();
      if (!classroom || classroom.quizFor(true)) return;
      for (const a of answers) {
        const parsed = quizPairSchema.safeParse(a);
        if (!parsed.success) continue;
        const { forViewers, forPresenters } = parsed.data;
        classroom.adoptQuiz(forViewers, forPresenters);
        io.local.except(PRESENTERS).emit('quiz', forViewers);
        io.local.to(PRESENTERS).emit('quiz', forPresenters);
        return;
      }
    },
  };
}
