/**
 * Reads a request's target defensively: a malformed path, escape or query is a one-line reason,
 * never a thrown URIError or "Invalid URL".
 */

export type RequestUrl =
  { ok: true; pathname: string; query: URLSearchParams } | { ok: false; error: string };

/** Longest request target read at all (Node's own header limit is 16 KiB). */
const MAX_TARGET = 8192;

export function parseRequestUrl(target: string | undefined): RequestUrl {
  const raw = target ?? '/';
  if (raw.length > MAX_TARGET) return { ok: false, error: 'The request path is too long.' };
  // Only origin-form ("/path?query") is served; "//host/…", "*" and absolute URLs are not.
  if (!raw.startsWith('/') || raw.startsWith('//')) {
    return { ok: false, error: 'The request path must start with a single "/".' };
  }
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  const search = q === -1 ? '' : raw.slice(q + 1);
  if (/[\p{Cc}\\]/u.test(path)) {
    return { ok: false, error: 'The request path holds a control character or a backslash.' };
  }
  // URLSearchParams never throws: a bad escape is kept as written.
  return { ok: true, pathname: path, query: new URLSearchParams(search) };
}

/** One path segment with its %-escapes decoded; undefined when an escape is malformed. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
