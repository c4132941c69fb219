import { describe, expect, it } from 'vitest';
import { parseChildLine } from './loss-child-lines.ts';

const STEP = {
  type: 'step',
  kind: 'connect',
  time: 1_764_000_000_000_000,
  side: 'client',
  transport: 'tcp',
  local: { address: '127.0.0.1', port: 40000 },
  remote: { address: '127.0.0.1', port: 23333 },
  conv: 'tcp 127.0.0.1:40000 127.0.0.1:23333',
  bytes: 0,
  durationUs: 1_010_000,
};

describe('lines from the child of an impaired run', () => {
  it('takes a socket step, done and failed', () => {
    expect(parseChildLine(JSON.stringify(STEP))).toEqual(STEP);
    expect(parseChildLine('{"type":"done"}')).toEqual({ type: 'done' });
    expect(parseChildLine('{"type":"failed","message":"x"}')).toEqual({
      type: 'failed',
      message: 'x',
    });
  });

  it.each([
    ['not JSON', 'Warning: something'],
    ['an unknown type', '{"type":"packet"}'],
    ['an unknown step kind', JSON.stringify({ ...STEP, kind: 'explode' })],
    ['an extra field', JSON.stringify({ ...STEP, admin: true })],
    ['a port out of range', JSON.stringify({ ...STEP, local: { address: 'a', port: 70000 } })],
    ['a negative byte count', JSON.stringify({ ...STEP, bytes: -1 })],
  ])('refuses %s', (_, line) => {
    expect(parseChildLine(line).type).toBe('invalid');
  });
});
