/** Frames with their data as hex, so tests compare plain objects. */
import type { RawFrame } from '../raw-frame.ts';

export type FrameSummary = Omit<RawFrame, 'data'> & { data: string };

export function summarize(frames: RawFrame[]): FrameSummary[] {
  return frames.map((f) => ({ ...f, data: Array.from(f.data, (b) => b.toString(16).padStart(2, '0')).join('') }));
}
