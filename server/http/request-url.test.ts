import { describe, expect, it } from 'vitest';
import { decodeSegment, parseRequestUrl } from './request-url.ts';

describe('parseRequestUrl', () => {
  it.each([
    { target: '/', pathname: '/' },
    { target: '/api/sessions?name=a%20b', pathname: '/api/sessions', name: 'a b' },
    { target: '/api/sessions?name=%', pathname: '/api/sessions', name: '%' },
    { target: '/x?name=%E0%A4%A', pathname: '/x', name: '\uFFFD%A' },
  ])('reads $target', ({ target, pathname, name }) => {
    const url = parseRequestUrl(target);
    expect(url.ok && url.pathname).toBe(pathname);
    if (name !== undefined) expect(url.ok && url.query.get('name')).toBe(name);
  });

  it.each([
    '//[/x',
    '//example.org/',
    '*',
    'http://127.0.0.1/',
    '/a\\b',
    '/a\u0001',
    '/' + 'a'.repeat(9000),
  ])('refuses %j in one line', (target) => {
    const url = parseRequestUrl(target);
    expect(url.ok).toBe(false);
    if (!url.ok) expect(url.error).not.toContain('\n');
  });
});

describe('decodeSegment', () => {
  it.each([
    { segment: 'file-1', expected: 'file-1' },
    { segment: 'a%20b', expected: 'a b' },
    { segment: '%', expected: undefined },
    { segment: '%E0%A4%A', expected: undefined },
    { segment: '%ED%A0%80', expected: undefined },
  ])('$segment → $expected', ({ segment, expected }) => {
    expect(decodeSegment(segment)).toBe(expected);
  });
});
