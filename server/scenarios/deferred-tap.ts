/** A tap that holds steps until the real one exists (endpoints start before the lab's session). */
import type { SocketStep } from '../../core/protocol.ts';
import type { Tap } from '../echo/tap.ts';

/** Held at most; a lab that never comes should not grow memory. */
const MAX_HELD = 100;

export function deferredTap(): { tap: Tap; attach(real: Tap): void } {
  let target: Tap | null = null;
  const held: SocketStep[] = [];
  return {
    tap: (s) => {
      if (target) target(s);
      else if (held.length < MAX_HELD) held.push(s);
    },
    attach(real) {
      target = real;
      for (const s of held.splice(0)) real(s);
    },
  };
}
