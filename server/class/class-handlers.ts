/**
 * Socket.io events of the classroom: the presenter publishes its view and asks, reveals and
 * closes questions; every page hears the view and the question; viewers answer.
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { HubServer } from '../hub/hub.ts';
import { firstIssue } from '../hub/messages.ts';
import { Classroom } from './classroom.ts';
import type { ViewerUrls } from '../../core/class/class-protocol.ts';
import {
  presenterViewSchema,
  quizAnswerSchema,
  quizAskSchema,
  quizIdSchema,
  viewerIdSchema,
} from './class-messages.ts';

const PRESENTERS = 'class:presenters';

export interface ClassOptions {
  /** The one role check of the server: may this socket change what others see? */
  isPresenter(socket: Socket): boolean;
  /** Where viewers open the page (known once the HTTP server listens). */
  viewerUrls(): ViewerUrls;
}

type Ack<R> = (res: R | { ok: false; error: string }) => void;

/** Validates, checks the role when asked to, and turns a throw into an error reply. */
function handle<S extends z.ZodType, R>(
  socket: Socket,
  schema: S,
  presenterOnly: boolean,
  opts: ClassOptions,
  run: (data: z.infer<S>) => R,
): (req: unknown, ack: unknown) => void {
  return (req, ack) => {
    if (typeof ack !== 'function') return;
    const reply = ack as Ack<R>;
    if (presenterOnly && !opts.isPresenter(socket)) {
      return reply({ ok: false, error: 'Only the presenter can do that.' });
    }
    const parsed = schema.safeParse(req);
    if (!parsed.success) return reply({ ok: false, error: firstIssue(parsed.error) });
    try {
      reply(run(parsed.data));
    } catch (err) {
      console.error(`packet-ladder: class event failed: ${(err as Error).message}`);
      reply({ ok: false, error: 'The server could not do that.' });
    }
  };
}

export function attachClassroom(io: HubServer, opts: ClassOptions): Classroom {
  const room = new Classroom({
    view: (v) => io.emit('presenterView', v),
    quiz: (forViewers, forPresenters) => {
      io.except(PRESENTERS).emit('quiz', forViewers);
      io.to(PRESENTERS).emit('quiz', forPresenters);
    },
  });
  io.on('connection', (socket) => {
    const presenter = opts.isPresenter(socket);
    if (presenter) void socket.join(PRESENTERS);
    const auth: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.viewer;
    const viewer = viewerIdSchema.safeParse(auth).success ? (auth as string) : socket.id;
    socket.emit('viewerUrls', opts.viewerUrls());
    if (room.view) socket.emit('presenterView', room.view);
    socket.emit('quiz', room.quizFor(presenter));

    socket.on(
      'presenterView',
      handle(socket, presenterViewSchema, true, opts, (v) => {
        room.setView(v);
        return { ok: true as const };
      }),
    );
    socket.on(
      'quizAsk',
      handle(socket, quizAskSchema, true, opts, (req) => room.ask(req)),
    );
    socket.on(
      'quizReveal',
      handle(socket, quizIdSchema, true, opts, (req) => room.reveal(req.id)),
    );
    socket.on(
      'quizClose',
      handle(socket, quizIdSchema, true, opts, (req) => room.close(req.id)),
    );
    socket.on(
      'quizAnswer',
      handle(socket, quizAnswerSchema, false, opts, (req) =>
        presenter
          ? { ok: false as const, error: 'The presenter asks; viewers answer.' }
          : room.answer(viewer, req.id, req.choice),
      ),
    );
  });
  return room;
}
