/**
 * Socket.io events of the classroom: the presenter publishes its view and asks, reveals and
 * closes questions; every page hears the view and the question; viewers answer.
 */
import type { HubServer } from '../hub/hub.ts';
import { roleOf, type GuardedEvents } from '../hub/guarded-events.ts';
import { Classroom } from './classroom.ts';
import type { PresenterView, ViewerUrls } from '../../core/class/class-protocol.ts';
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
    events.on(socket, 'quizReveal', quizIdSchema, (req) => room.reveal(req.id));
    events.on(socket, 'quizClose', quizIdSchema, (req) => room.close(req.id));
    events.on(socket, 'quizAnswer', quizAnswerSchema, (req) =>
      presenter
        ? { ok: false as const, error: 'The presenter asks; viewers answer.' }
        : room.answer(viewer, req.id, req.choice),
    );
  });
  return room;
}
