/** Reads one cookie from a Cookie header without throwing, and writes the presenter's cookie. */

export const TOKEN_COOKIE = 'pl_presenter';

/** The cookie's raw value (tokens are URL-safe, so nothing to decode); undefined when absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.slice(0, 8192).split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** HttpOnly: page scripts never see it; SameSite=Strict: other sites' requests never carry it. */
export function presenterCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
