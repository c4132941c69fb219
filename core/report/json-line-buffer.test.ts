import { describe, expect, it } from 'vitest';
import { JsonLineBuffer, utf8 } from './json-line-buffer.ts';

/** A buffer of `size` bytes handing on into text; `done()` flushes and returns the text. */
function collect(size: number) {
  let text = '';
  const w = new JsonLineBuffer(new Uint8Array(size), (bytes) => {
    text += new TextDecoder().decode(bytes);
    return new Uint8Array(size);
  });
  return {
    w,
    done: () => {
      w.flush();
      return text;
    },
  };
}

const NUMBERS = [
  0,
  -0,
  7,
  10,
  99,
  4_294_967_295,
  4_294_967_296,
  -1,
  -(2 ** 31),
  1.5,
  0.000033,
  2 ** 53,
  -(2 ** 53),
  1e21,
  123_456_789_012_345,
  NaN,
  Infinity,
  -Infinity,
];
const STRINGS = [
  '',
  'SYN_SENT',
  'quote " back \\ slash',
  'tab\t\u0001',
  '捕获’s',
  'lone \ud800 x',
  '😀',
];

describe('JsonLineBuffer', () => {
  it('copies literals of every length from 0 to 40 bytes, across buffer ends', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO';
    for (const size of [48, 64, 4096]) {
      const { w, done } = collect(size);
      let want = '';
      for (let n = 0; n <= 40; n++) {
        const literal = alphabet.slice(0, n);
        w.bytes(utf8(literal));
        w.endLine();
        want += `${literal}\n`;
      }
      expect(done()).toBe(want);
    }
  });

  it('writes numbers as JSON.stringify and as String()', () => {
    for (const n of NUMBERS) {
      const { w, done } = collect(8);
      w.number(n);
      w.bytes(utf8(' '));
      w.numberText(n);
      w.endLine();
      expect(done()).toBe(`${JSON.stringify(n)} ${String(n)}\n`);
    }
  });

  it('writes integers of every digit count digit for digit as String()', () => {
    // Deterministic spread over 1 to 16 digits, both signs, plus each power of ten and its
    // neighbours (where the digit count changes) and the ends of the unsigned 32-bit range.
    const spread = Array.from({ length: 4000 }, (_, i) =>
      Math.floor(Math.sin(i + 1) ** 2 * 10 ** ((i % 16) + 1)),
    );
    const powers = Array.from({ length: 16 }, (_, d) => [10 ** d - 1, 10 ** d, 10 ** d + 1]).flat();
    const ends = [2 ** 32 - 2, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1, -(2 ** 53 - 1)];
    for (const n of [...spread, ...spread.map((v) => -v), ...powers, ...ends]) {
      const { w, done } = collect(8);
      w.number(n);
      w.bytes(utf8(' '));
      w.numberText(n);
      w.endLine();
      expect(done()).toBe(`${String(n)} ${String(n)}\n`);
    }
  });

  it('writes whole microseconds as seconds the way JSON.stringify writes us / 1e6', () => {
    const fixed = [0, -0, 1, 10, 33, 999_999, 1_000_000, 1_000_001, 1_500_000, -1, -1_234_560];
    const edges = [999_999_999_999_999, 1e15, 2 ** 53, 1.5, NaN, Infinity];
    // Deterministic spread over every digit count, as capture times relative to the first are.
    const spread = Array.from({ length: 2000 }, (_, i) =>
      Math.floor(Math.sin(i + 1) ** 2 * 10 ** (i % 16)),
    );
    for (const us of [...fixed, ...edges, ...spread, ...spread.map((n) => -n)]) {
      const { w, done } = collect(8);
      w.micros(us);
      w.endLine();
      expect(done()).toBe(`${JSON.stringify(us / 1e6)}\n`);
    }
  });

  it('writes strings escaped as JSON.stringify, through buffers smaller than a line', () => {
    const { w, done } = collect(4);
    for (const s of STRINGS) {
      w.string(s);
      w.endLine();
    }
    expect(done()).toBe(STRINGS.map((s) => `${JSON.stringify(s)}\n`).join(''));
  });

  it('copies whole lines through, handing on only complete lines', () => {
    const handed: string[] = [];
    const w = new JsonLineBuffer(new Uint8Array(10), (bytes) => {
      handed.push(new TextDecoder().decode(bytes));
      return new Uint8Array(10);
    });
    w.lines(utf8('a\nbb\nccc\ndddddddddddddd\ne\n'));
    w.flush();
    expect(handed.join('')).toBe('a\nbb\nccc\ndddddddddddddd\ne\n');
    for (const chunk of handed) expect(chunk.endsWith('\n')).toBe(true);
  });

  it('keeps everything when it has nowhere to hand lines on, and drops a printed front', () => {
    const w = new JsonLineBuffer(new Uint8Array(2));
    for (const s of ['one', 'two', 'three']) {
      w.string(s);
      w.endLine();
    }
    const first = w.lineEnd(0);
    expect(new TextDecoder().decode(w.view(0, first))).toBe('"one"\n');
    w.drop(first);
    expect(new TextDecoder().decode(w.view(0, w.length))).toBe('"two"\n"three"\n');
  });
});
