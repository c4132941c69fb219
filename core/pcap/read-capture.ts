/** Reads a whole capture held in memory (small files and tests); large inputs should stream. */
import { CaptureReader } from './capture-reader.ts';
import type { CaptureFormat, RawFrame } from './raw-frame.ts';

export function readCapture(bytes: Uint8Array): {
  format: CaptureFormat | undefined;
  frames: RawFrame[];
} {
  const reader = new CaptureReader();
  const frames = reader.push(bytes);
  frames.push(...reader.end());
  return { format: reader.format, frames };
}
