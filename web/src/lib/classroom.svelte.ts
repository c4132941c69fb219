/**
 * The page's side of the class: where viewers join, the presenter's view (mirrored while this page
 * follows), and the question on the screens with this page's answer.
 */
import type {
  ClassClientEvents,
  ClassServerEvents,
  PresenterView,
  QuizAskRequest,
  QuizView,
  ViewerUrls,
} from '../../../core/class/class-protocol.ts';
import type { Role } from '../../../core/protocol.ts';

type AckOf<E extends keyof ClassClientEvents> = Parameters<Parameters<ClassClientEvents[E]>[1]>[0];

/** The classroom's events on the socket.io link (the Connection provides them). */
export interface ClassCalls {
  on<E extends keyof ClassServerEvents>(event: E, listener: ClassServerEvents[E]): () => void;
  request<E extends keyof ClassClientEvents>(
    event: E,
    req: Parameters<ClassClientEvents[E]>[0],
  ): Promise<AckOf<E>>;
}

/** The slice of the link the classroom needs: its events and this page's role. */
export interface ClassLink extends ClassCalls {
  readonly role: Role;
}

/** What following applies to the page (the view state and the session picker implement it). */
export interface FollowTarget {
  apply(v: PresenterView): void;
  /** Let go of what only the presenter drives (a replay playing here as it plays there). */
  release(): void;
}

export class Classroom {
  viewerUrls = $state.raw<ViewerUrls | null>(null);
  presenterView = $state.raw<PresenterView | null>(null);
  quiz = $state.raw<QuizView | null>(null);
  /** This page's answer to the question shown (index), once given. */
  myAnswer = $state<number | null>(null);
  /** A viewer mirrors the presenter's view until it explores on its own. */
  following = $state(true);
  error = $state<string | null>(null);

  #link: ClassLink;
  #target: FollowTarget | null = null;

  constructor(link: ClassLink) {
    this.#link = link;
    link.on('viewerUrls', (v) => (this.viewerUrls = v));
    link.on('presenterView', (v) => {
      this.presenterView = v;
      if (this.mirrors) this.#target?.apply(v);
    });
    link.on('quiz', (q) => {
      if (q?.id !== this.quiz?.id) this.myAnswer = null;
      this.quiz = q?.state === 'closed' ? null : q;
    });
  }

  get presenter(): boolean {
    return this.#link.role === 'presenter';
  }

  /** Following applies to viewers only: the presenter's page is the one being followed. */
  get mirrors(): boolean {
    return !this.presenter && this.following;
  }

  /** Where followed views are applied (set once the view state exists). */
  attach(target: FollowTarget): void {
    this.#target = target;
    if (this.mirrors && this.presenterView) target.apply(this.presenterView);
  }

  /** The viewer picked or selected something itself: stop mirroring until re-followed. */
  detach(): void {
    if (this.presenter) return;
    this.following = false;
    this.#target?.release();
  }

  follow(): void {
    this.following = true;
    if (this.presenterView) this.#target?.apply(this.presenterView);
  }

  /** Presenter: tell the class what is on the big screen. */
  async publish(v: PresenterView): Promise<void> {
    if (!this.presenter) return;
    const res = await this.#link.request('presenterView', v);
    this.error = res.ok ? null : res.error;
  }

  async ask(req: QuizAskRequest): Promise<void> {
    const res = await this.#link.request('quizAsk', req);
    this.error = res.ok ? null : res.error;
    if (res.ok) this.quiz = res.quiz;
  }

  async answer(choice: number): Promise<void> {
    const q = this.quiz;
    if (!q || this.myAnswer !== null) return;
    const res = await this.#link.request('quizAnswer', { id: q.id, choice });
    if (res.ok) this.myAnswer = res.choice;
    this.error = res.ok ? null : res.error;
  }

  async reveal(): Promise<void> {
    const q = this.quiz;
    if (!q) return;
    const res = await this.#link.request('quizReveal', { id: q.id });
    this.error = res.ok ? null : res.error;
    if (res.ok) this.quiz = res.quiz;
  }

  async close(): Promise<void> {
    const q = this.quiz;
    if (!q) return;
    const res = await this.#link.request('quizClose', { id: q.id });
    this.error = res.ok ? null : res.error;
    if (res.ok) this.quiz = null;
  }
}
