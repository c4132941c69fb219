/** Domain assertion for decoder tests: decode a hex frame and compare with the expected fields. */
import { expect } from 'vitest';
import { decodePacket } from '../decode-packet.ts';
import type { DecodedPacket } from '../decoded-packet.ts';
import { hex } from './hex.ts';

/**
 * Decodes `frame` (origlen = its length unless given) and checks `expected` as a partial match;
 * truncated and malformed must match exactly, so an unexpected complaint fails the test.
 */
export function expectDecodes(
  linkType: number,
  frame: string,
  expected: Partial<DecodedPacket>,
  origlen?: number,
): DecodedPacket {
  const data = hex(frame);
  const p = decodePacket(linkType, data, 1_700_000_000_000_000, origlen ?? data.length);
  expect(p).toMatchObject({ linkType, caplen: data.length, ...expected });
  expect(p.truncated ?? false, 'truncated').toBe(expected.truncated ?? false);
  expect(p.malformed, 'malformed').toBe(expected.malformed);
  return p;
}
