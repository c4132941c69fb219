/** The presenter's secret: random at start unless fixed with --token; compared in constant time. */
import crypto from 'node:crypto';

/** What --token accepts: URL-safe, long enough not to be guessed by trying. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function createToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
