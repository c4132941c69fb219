import { describe, it, expect } from 'vitest';
import { decodePacket } from './decode-packet.ts';
import { LINKTYPE } from './link-types.ts';
import { FRAMES } from './testdata/frames.ts';
import { hex } from './testdata/hex.ts';
import { mulberry32 as rng } from '../random/mulberry32.ts';

const LINK_TYPES = [...Object.values(LINKTYPE), 999];

function checkSane(linkType: number, data: Uint8Array): void {
  const p = decodePacket(linkType, data, 0, data.length);
  expect(p.caplen).toBe(data.length);
  expect(Number.isInteger(p.len) && p.len >= 0).toBe(true);
  expect(typeof p.proto).toBe('string');
  if (p.payloadHex !== undefined) expect(p.payloadHex.length).toBeLessThanOrEqual(512);
}

describe('decodePacket on arbitrary bytes', () => {
  it('never throws on random frames of every link type', () => {
    const next = rng(1);
    for (let i = 0; i < 3000; i++) {
      const data = new Uint8Array(Math.floor(next() * 120));
      for (let j = 0; j < data.length; j++) data[j] = Math.floor(next() * 256);
      // random IP versions are rare: steer the first byte of raw frames towards 4 and 6
      if (data.length > 0 && i % 2 === 0) data[0] = (i % 4 === 0 ? 0x45 : 0x60) | (data[0]! & 0x0f);
      checkSane(LINK_TYPES[i % LINK_TYPES.length]!, data);
    }
  });

  it('never throws on fixture frames with bytes flipped', () => {
    const next = rng(2);
    for (let i = 0; i < 4000; i++) {
      const fixture = FRAMES[i % FRAMES.length]!;
      const data = hex(fixture.frame);
      for (let k = 0; k < 3; k++) data[Math.floor(next() * data.length)] = Math.floor(next() * 256);
      checkSane(fixture.linkType, data.slice(0, Math.floor(next() * (data.length + 1))));
    }
  });
});
