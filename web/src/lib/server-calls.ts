/**
 * The calls a page makes to the server over its socket (send, scenarios, the classroom's and the
 * session actions) and the server events it listens to; Connection adds the link's state.
 */
import type {
  RunScenarioRequest,
  RunScenarioResult,
  ScenarioCatalog,
  ScenarioStatus,
  SendRequest,
  SendResult,
  ServerToClientEvents,
} from '../../../core/protocol.ts';
import { ACK_TIMEOUT_MS, ask, type AppSocket } from './app-socket.ts';
import type { ClassClientEvents } from '../../../core/class/class-protocol.ts';
import type { SessionActionResult, SessionClientEvents } from '../../../core/session-actions.ts';

export class ServerCalls {
  // Listeners, not state: nothing renders from this set.
  #scenarioListeners = new Set<(s: ScenarioStatus) => void>();

  constructor(protected readonly socket: AppSocket) {
    socket.on('scenario', (s) => {
      for (const l of this.#scenarioListeners) l(s);
    });
  }

  /** This page's socket.io id while connected (the server addresses share progress to it). */
  get socketId(): string | undefined {
    return this.socket.id;
  }

  /** Asks the server's built-in client to send `req` to the echo endpoint. */
  async send(req: SendRequest): Promise<SendResult> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('send', req);
  }

  /** The scenario catalog and the runs queued or playing now. */
  async scenarios(): Promise<ScenarioCatalog> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('scenarios');
  }

  /** Queues a scenario run; its records arrive in the live session. */
  async runScenario(req: RunScenarioRequest): Promise<RunScenarioResult> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('runScenario', req);
  }

  /** Every page hears of every run: queued, running, done. */
  onScenario(listener: (s: ScenarioStatus) => void): () => void {
    this.#scenarioListeners.add(listener);
    return () => this.#scenarioListeners.delete(listener);
  }

  /** Listens to a server event; returns the function that stops listening. */
  on<E extends keyof ServerToClientEvents>(
    event: E,
    listener: ServerToClientEvents[E],
  ): () => void {
    this.socket.on(event, listener as never);
    return () => void this.socket.off(event, listener as never);
  }

  /** Sends a request and waits for its answer (the classroom's calls go through here). */
  async request<E extends keyof ClassClientEvents>(
    event: E,
    req: Parameters<ClassClientEvents[E]>[0],
  ): Promise<Parameters<Parameters<ClassClientEvents[E]>[1]>[0]> {
    return ask(this.socket, event, req);
  }

  /** A presenter's session action (new, rename, delete); refused for viewers on the server. */
  async act<E extends keyof SessionClientEvents>(
    event: E,
    req: Parameters<SessionClientEvents[E]>[0],
  ): Promise<SessionActionResult> {
    try {
      return await ask<SessionActionResult>(this.socket, event, req);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }
}
