/**
 * The Redis address of --redis / REDIS_URL, checked before anything connects: `redis://` or
 * `rediss://`, a host, an optional port and database number, nothing else.
 */

/** The URL as given, or why it is refused (one clause, completed by the flag's name). */
export function parseRedisUrl(text: string): string | { error: string } {
  const refuse = (why: string) => ({ error: `${why}, not "${text.slice(0, 200)}".` });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('must be a URL such as redis://127.0.0.1:6379');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    return refuse('must start with redis:// or rediss://');
  if (url.hostname === '') return refuse('must name a host');
  if (!/^(\/\d{0,2})?$/.test(url.pathname) || url.search !== '' || url.hash !== '')
    return refuse('may end only with a database number (redis://HOST:PORT/0)');
  return text;
}
