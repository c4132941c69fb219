import { describe, expect, it } from 'vitest';
import { parseServeArgs, UsageError } from './serve-args.ts';
import { parseRedisUrl } from './redis-url.ts';

describe('parseRedisUrl', () => {
  it.each([
    'redis://127.0.0.1:6379',
    'redis://127.0.0.1',
    'redis://[::1]:6380/2',
    'rediss://user:secret@cache.example:6380/0',
  ])('accepts %s', (text) => expect(parseRedisUrl(text)).toBe(text));

  it.each([
    ['127.0.0.1:6379', 'redis://'],
    ['http://127.0.0.1:6379', 'redis://'],
    ['redis://', 'must name a host'],
    ['redis://127.0.0.1:6379/x', 'database number'],
    ['redis://127.0.0.1:6379/0?a=1', 'database number'],
    ['not a url', 'URL such as'],
    ['redis://127.0.0.1:99999', 'URL such as'],
  ])('refuses %s', (text, why) => {
    const r = parseRedisUrl(text);
    expect(typeof r).toBe('object');
    expect((r as { error: string }).error).toContain(why);
  });
});

describe('--redis and REDIS_URL', () => {
  it('is off unless asked for', () => {
    expect(parseServeArgs([]).redis).toBeUndefined();
    expect(parseServeArgs([], { REDIS_URL: '' }).redis).toBeUndefined();
  });

  it('reads REDIS_URL, and --redis wins over it', () => {
    expect(parseServeArgs([], { REDIS_URL: 'redis://127.0.0.1:7000' }).redis).toBe(
      'redis://127.0.0.1:7000',
    );
    expect(
      parseServeArgs(['--redis', 'redis://127.0.0.1:7001'], { REDIS_URL: 'redis://127.0.0.1:7000' })
        .redis,
    ).toBe('redis://127.0.0.1:7001');
  });

  it('names the flag or the variable that is wrong, in one line', () => {
    expect(() => parseServeArgs(['--redis', 'localhost:6379'])).toThrow(
      new UsageError('--redis must start with redis:// or rediss://, not "localhost:6379".'),
    );
    expect(() => parseServeArgs([], { REDIS_URL: 'redis://h/x' })).toThrow(/^REDIS_URL may end/);
  });
});
