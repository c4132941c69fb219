import { describe, it, expect } from 'vitest';
import { validateMessage } from './validate-message.ts';

describe('validateMessage', () => {
  const cases = [
    { name: 'accepts the default message', input: 'hello, I am A', expected: null },
    { name: 'refuses an empty message', input: '', expected: 'Type a message first.' },
    { name: 'accepts exactly 1024 bytes', input: 'a'.repeat(1024), expected: null },
    {
      name: 'refuses 1025 bytes',
      input: 'a'.repeat(1025),
      expected: 'The message is 1025 bytes; the echo endpoint reads at most 1024.',
    },
    {
      name: 'counts UTF-8 bytes, not characters',
      input: '你'.repeat(400),
      expected: 'The message is 1200 bytes; the echo endpoint reads at most 1024.',
    },
    { name: 'accepts whitespace only (it is still bytes)', input: ' ', expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(validateMessage(c.input)).toBe(c.expected));
});
