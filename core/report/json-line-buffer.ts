/**
 * JSON Lines written straight into bytes: literals, numbers and strings go into one buffer as
 * UTF-8, with no string built per line (on `analyze`'s 500,000 lines the strings, their
 * concatenation and their encoding were most of what was allocated). Full buffers are handed on
 * whole lines at a time.
 */

const encoder = new TextEncoder();

/** A literal's UTF-8 bytes, made once (at module load) for the pieces every line repeats. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Hands on `lines` (complete lines only) and returns the buffer to write the next ones into.
 * Without one, the buffer grows and keeps everything written (see `view` and `drop`). */
export type LineFlush = (lines: Uint8Array) => Uint8Array;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NEWLINE = 0x0a;
const DOT = 0x2e;
/** Below 10^15 µs a time's decimal digits are the shortest form that reads back (15 digits). */
const MAX_EXACT_MICROS = 1e15;
/** Largest integer written digit by digit; larger ones go through String(). */
const MAX_DIGITS_INT = 2 ** 53;
/** The two ASCII digits of 0 to 99 in turn ("00" to "99"): numbers are written two digits a step. */
const PAIRS = new Uint8Array(200);
for (let k = 0; k < 100; k++) {
  PAIRS[2 * k] = ZERO + Math.floor(k / 10);
  PAIRS[2 * k + 1] = ZERO + (k % 10);
}

export class JsonLineBuffer {
  #buf: Uint8Array;
  #at = 0;
  /** Where the line being written started (everything before it is complete lines). */
  #lineStart = 0;
  readonly #flush: LineFlush | undefined;

  constructor(first: Uint8Array, flush?: LineFlush) {
    this.#buf = first;
    this.#flush = flush;
  }

  /** Bytes of complete lines waiting in the buffer. */
  get pending(): number {
    return this.#lineStart;
  }

  /** Bytes written and kept (all of them when there is no flush). */
  get length(): number {
    return this.#at;
  }

  /** The bytes kept from `from` to `to` (a view: valid until the next write). */
  view(from: number, to: number): Uint8Array {
    return this.#buf.subarray(from, to);
  }

  /** Where the line going on at `from` ends, past its newline (-1 when it has not ended). */
  lineEnd(from: number): number {
    const i = this.#buf.indexOf(NEWLINE, from);
    return i === -1 || i >= this.#lineStart ? -1 : i + 1;
  }

  /** Forgets the first `n` bytes kept (complete lines); what follows moves to the front. */
  drop(n: number): void {
    this.#buf.copyWithin(0, n, this.#at);
    this.#at -= n;
    this.#lineStart -= n;
  }

  /** Room for `n` more bytes: hands on the complete lines, carrying the line begun over. */
  #room(n: number): void {
    if (this.#at + n <= this.#buf.length) return;
    if (!this.#flush) {
      const grown = new Uint8Array(Math.max(2 * this.#buf.length, this.#at + n));
      grown.set(this.#buf.subarray(0, this.#at), 0);
      this.#buf = grown;
      return;
    }
    const begun = this.#buf.subarray(this.#lineStart, this.#at);
    let next =
      this.#lineStart > 0 ? this.#flush(this.#buf.subarray(0, this.#lineStart)) : this.#buf;
    if (begun.length + n > next.length) next = new Uint8Array(2 * (begun.length + n));
    // copyWithin when the flush gave the same buffer back (nothing was handed on).
    if (next === this.#buf) next.copyWithin(0, this.#lineStart, this.#at);
    else next.set(begun, 0);
    this.#buf = next;
    this.#at = begun.length;
    this.#lineStart = 0;
  }

  /** Complete lines (each ending in a newline) as they are; call between lines. */
  lines(b: Uint8Array): void {
    let from = 0;
    if (!this.#flush) this.#room(b.length);
    while (b.length - from > this.#buf.length - this.#at) {
      const room = this.#buf.length - this.#at;
      // As many whole lines as fit, then hand them on.
      const cut = room > 0 ? b.lastIndexOf(NEWLINE, from + room - 1) : -1;
      if (cut >= from) {
        this.#buf.set(b.subarray(from, cut + 1), this.#at);
        this.#at += cut + 1 - from;
        this.#lineStart = this.#at;
        from = cut + 1;
      } else if (this.#lineStart === 0) {
        // One line longer than the buffer: room for it.
        const end = b.indexOf(NEWLINE, from) + 1;
        this.bytes(b.subarray(from, end));
        this.#lineStart = this.#at;
        from = end;
        continue;
      }
      this.flush();
    }
    this.#buf.set(b.subarray(from), this.#at);
    this.#at += b.length - from;
    this.#lineStart = this.#at;
  }

  /** Hands on every complete line now. */
  flush(): void {
    if (this.#lineStart === 0 || !this.#flush) return;
    const begun = this.#buf.subarray(this.#lineStart, this.#at);
    const next = this.#flush(this.#buf.subarray(0, this.#lineStart));
    next.set(begun, 0);
    this.#buf = next;
    this.#at = begun.length;
    this.#lineStart = 0;
  }

  /** Ends the line (writes the newline). */
  endLine(): void {
    this.#room(1);
    this.#buf[this.#at++] = NEWLINE;
    this.#lineStart = this.#at;
  }

  /** Bytes as they are (a literal made with utf8()). */
  bytes(b: Uint8Array): void {
    this.#room(b.length);
    const buf = this.#buf;
    let at = this.#at;
    const n = b.length;
    if (n < 16) {
      // Four bytes a step: most literals are keys of 6 to 12 bytes.
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        buf[at] = b[i]!;
        buf[at + 1] = b[i + 1]!;
        buf[at + 2] = b[i + 2]!;
        buf[at + 3] = b[i + 3]!;
        at += 4;
      }
      for (; i < n; i++) buf[at++] = b[i]!;
    } else {
      buf.set(b, at);
      at += n;
    }
    this.#at = at;
  }

  /** Text as UTF-8, unquoted and unescaped (already JSON, e.g. from JSON.stringify). */
  text(s: string): void {
    this.#room(3 * s.length);
    const buf = this.#buf;
    let at = this.#at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.#at = at;
        this.#encode(s.slice(i));
        return;
      }
      buf[at++] = c;
    }
    this.#at = at;
  }

  #encode(s: string): void {
    const { written } = encoder.encodeInto(s, this.#buf.subarray(this.#at));
    this.#at += written;
  }

  /** A JSON string: quoted and escaped exactly as JSON.stringify does. */
  string(s: string): void {
    this.#room(s.length + 2);
    this.#buf[this.#at++] = QUOTE;
    this.stringBody(s);
    this.#room(1);
    this.#buf[this.#at++] = QUOTE;
  }

  /** The inside of a JSON string (no quotes), escaped exactly as JSON.stringify does. */
  stringBody(s: string): void {
    this.#room(s.length);
    const buf = this.#buf;
    let at = this.#at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c >= 0x80 || c === QUOTE || c === BACKSLASH) {
        // The rare rest: let JSON.stringify escape it, then encode it.
        this.#at = at;
        const escaped = JSON.stringify(s.slice(i));
        this.text(escaped.slice(1, -1));
        return;
      }
      buf[at++] = c;
    }
    this.#at = at;
  }

  /** A JSON number: as JSON.stringify writes it (null for NaN and ±Infinity). */
  number(n: number): void {
    if (n >>> 0 === n) this.#unsigned(n);
    else if (Number.isInteger(n) && Math.abs(n) < MAX_DIGITS_INT) this.#integer(n);
    else this.text(Number.isFinite(n) ? String(n) : 'null');
  }

  /**
   * `us / 1e6` as JSON.stringify writes it, for a whole number of microseconds (times in seconds):
   * the digits of `us` with the point put in and trailing zeros dropped, which is the shortest
   * form that reads back while `us` has at most 15 digits. No string per number.
   */
  micros(us: number): void {
    if (!Number.isInteger(us) || !(Math.abs(us) < MAX_EXACT_MICROS)) {
      this.number(us / 1e6);
      return;
    }
    if (us < 0) {
      this.#room(1);
      this.#buf[this.#at++] = MINUS;
      us = -us;
    }
    const whole = Math.floor(us / 1e6);
    let frac = us - whole * 1e6;
    this.#unsignedOrInteger(whole);
    if (frac === 0) return;
    this.#room(7);
    const buf = this.#buf;
    let end = this.#at + 7;
    while (frac % 10 === 0) {
      frac /= 10;
      end--;
    }
    buf[this.#at] = DOT;
    // Digits from the last kept one back to the point, zeros in front (0.000033).
    for (let i = end - 1; i > this.#at; i--) {
      buf[i] = ZERO + (frac % 10);
      frac = Math.floor(frac / 10);
    }
    this.#at = end;
  }

  #unsignedOrInteger(n: number): void {
    if (n >>> 0 === n) this.#unsigned(n);
    else this.#integer(n);
  }

  /** A number as String() writes it (NaN and Infinity spelled out), for sentences. */
  numberText(n: number): void {
    if (n >>> 0 === n) this.#unsigned(n);
    else if (Number.isInteger(n) && Math.abs(n) < MAX_DIGITS_INT) this.#integer(n);
    else this.text(String(n));
  }

  /** 0 to 2^32 - 1 (counts, ports, raw sequence numbers): the common case, in integer steps. */
  #unsigned(n: number): void {
    this.#room(10);
    const buf = this.#buf;
    const digits =
      n < 10
        ? 1
        : n < 100
          ? 2
          : n < 1000
            ? 3
            : n < 10000
              ? 4
              : n < 100000
                ? 5
                : n < 1e6
                  ? 6
                  : n < 1e7
                    ? 7
                    : n < 1e8
                      ? 8
                      : n < 1e9
                        ? 9
                        : 10;
    let i = this.#at + digits;
    this.#at = i;
    while (n >= 100) {
      const q = (n / 100) >>> 0;
      const r = (n - q * 100) << 1;
      buf[--i] = PAIRS[r + 1]!;
      buf[--i] = PAIRS[r]!;
      n = q;
    }
    if (n >= 10) {
      buf[i - 1] = PAIRS[(n << 1) + 1]!;
      buf[i - 2] = PAIRS[n << 1]!;
    } else buf[i - 1] = ZERO + n;
  }

  #integer(n: number): void {
    this.#room(17);
    const buf = this.#buf;
    let at = this.#at;
    if (n < 0) {
      buf[at++] = MINUS;
      n = -n;
    }
    // Digits from the end, then in place: no string per number.
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    let i = at + digits;
    at = i;
    while (n >= 100) {
      const q = Math.floor(n / 100);
      const r = (n - q * 100) * 2;
      buf[--i] = PAIRS[r + 1]!;
      buf[--i] = PAIRS[r]!;
      n = q;
    }
    if (n >= 10) {
      buf[i - 1] = PAIRS[n * 2 + 1]!;
      buf[i - 2] = PAIRS[n * 2]!;
    } else buf[i - 1] = ZERO + n;
    this.#at = at;
  }
}
