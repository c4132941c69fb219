/**
 * Socket.io events of the classroom: the presenter publishes its view and asks, reveals and
 * closes questions; every page hears the view and the question; viewers answer.
 */
import type { HubServer } from '../hub/hub-server.ts';
import { roleOf, type GuardedEvents } from '../hub/guarded-events.ts';
import { Classroom } from './classroom.ts';
import type {
  PresenterView,
  QuizAnswerResult,
  QuizAskResult,
  QuizView,
  ViewerUrls,
} from '../../core/class/class-protocol.ts';
import {
  presenterViewSchema,
  quizAnswerSchema,
  quizAskSchema,
  quizIdSchema,
  viewerIdSchema,
} from './class-messages.ts';

/** The socket.io room of presenters' pages (joined on connection). */
export const PRESENTERS = 'class:presenters';

export interface ClassOptions {
  /** Where viewers open the page (known once the HTTP server listens). */
  viewerUrls(): ViewerUrls;
  /** The presenter set the view here (after every page was told): other processes hear of it. */
  viewSet?(v: PresenterView): void;
  /** A question changed here (after every page was told): other processes hear of it. */
  quizSet?(forViewers: QuizView, forPresenters: QuizView): void;
  /** With --redis: a question asked on another process is answered, revealed, closed there. */
  elsewhere?: QuizElsewhere;
}

/** The acts on a question asked on another server process, carried out by that process. */
export interface QuizElsewhere {
  answer(viewer: string, id: string, choice: number): Promise<QuizAnswerResult>;
  reveal(id: string): Promise<QuizAskResult>;
  close(id: string): Promise<QuizAskResult>;
}

/**
 * Every classroom event is registered through GuardedEvents: the presenter-only ones (view, ask,
 * reveal, close) are refused there for viewers, like every other privileged event.
 */
export function attachClassroom(
  io: HubServer,
  events: GuardedEvents,
  opts: ClassOptions,
): Classroom {
  const room = new Classroom({
    view: (v) => {
      io.emit('presenterView', v);
      opts.viewSet?.(v);
    },
    quiz: (forViewers, forPresenters) => {
      io.except(PRESENTERS).emit('quiz', forViewers);
      io.to(PRESENTERS).emit('quiz', forPresenters);
      if (forViewers && forPresenters) opts.quizSet?.(forViewers, forPresenters);
    },
  });
  io.on('connection', (socket) => {
    const presenter = roleOf(socket) === 'presenter';
    if (presenter) void socket.join(PRESENTERS);
    const auth: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.viewer;
    const viewer = viewerIdSchema.safeParse(auth).success ? (auth as string) : socket.id;
    socket.emit('viewerUrls', opts.viewerUrls());
    if (room.view) socket.emit('presenterView', room.view);
    socket.emit('quiz', room.quizFor(presenter));

    events.on(socket, 'presenterView', presenterViewSchema, (v) => {
      room.setView(v);
      return { ok: true as const };
    });
    events.on(socket, 'quizAsk', quizAskSchema, (req) => room.ask(req));
    // A question this process does not hold may be another process's: it carries the act out.
    const there = (id: string) => (room.owns(id) ? undefined : opts.elsewhere);
    events.on(socket, 'quizReveal', quizIdSchema, (req) =>
      (there(req.id)?.reveal ?? room.reveal.bind(room))(req.id),
    );
    events.on(socket, 'quizClose', quizIdSchema, (req) =>
      (there(req.id)?.close ?? room.close.bind(room))(req.id),
    );
    events.on(socket, 'quizAnswer', quizAnswerSchema, (req) =>
      presenter
        ? { ok: false as const, error: 'The presenter asks; viewers answer.' }
        : (there(req.id)?.answer ?? room.answer.bind(room))(viewer, req.id, req.choice),
    );
  });
  return room;
}
