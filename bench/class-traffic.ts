/**
 * Socket steps as a class makes them: `students` clients on their own loopback addresses, each
 * running exchanges of ten steps (connect, accept, write, read, reply, read, FIN, peer FIN,
 * closes) against the echo endpoint, interleaved. Used to fill a session's history and to feed it
 * live at a given rate.
 */
import type { SocketStep } from '../core/protocol.ts';
import { conversationId } from '../core/conversation-id.ts';

const SERVER = { address: '127.0.0.1', port: 23333 };
const KINDS: [SocketStep['kind'], 'client' | 'server', number][] = [
  ['connect', 'client', 0],
  ['accept', 'server', 0],
  ['write', 'client', 14],
  ['read', 'server', 14],
  ['write', 'server', 52],
  ['read', 'client', 52],
  ['end', 'server', 0],
  ['peer-end', 'client', 0],
  ['close', 'client', 0],
  ['close', 'server', 0],
];

/** Steps per exchange. */
export const STEPS_PER_EXCHANGE = KINDS.length;

export class ClassTraffic {
  /** Per student: the exchange under way (numbered overall), its step, and how many it made. */
  #next: { exchange: number; step: number; made: number }[];
  #exchanges = 0;

  constructor(private readonly students = 30) {
    this.#next = Array.from({ length: students }, () => ({
      exchange: this.#exchanges++,
      step: 0,
      made: 0,
    }));
  }

  /** The n-th step made overall (students take turns), stamped `time` µs. */
  step(n: number, time: number): SocketStep {
    const who = n % this.students;
    const at = this.#next[who]!;
    const [kind, side, bytes] = KINDS[at.step]!;
    const client = {
      address: `127.0.${1 + (who >> 8)}.${2 + (who & 255)}`,
      port: 10_000 + (at.made % 50_000), // a new port per exchange, as the OS gives them
    };
    const text = kind === 'write' || kind === 'read' ? `hello #${at.exchange}` : undefined;
    const s: SocketStep = {
      type: 'step',
      kind,
      time,
      side,
      transport: 'tcp',
      local: side === 'client' ? client : SERVER,
      remote: side === 'client' ? SERVER : client,
      conv: conversationId('tcp', client, SERVER),
      bytes,
      ...(text ? { preview: { text, hex: '' } } : {}),
    };
    at.step++;
    if (at.step === KINDS.length) {
      at.step = 0;
      at.made++;
      at.exchange = this.#exchanges++;
    }
    return s;
  }
}
