/**
 * Entry of the child process that plays a loss scenario inside its network namespace (Node
 * cannot enter a namespace in-process: the parent starts this with `ip netns exec NAME node …`).
 * Prints each socket step as a JSON line, then `done` or `failed`; argv: the scenario id.
 */
import { isLossScenarioId } from '../../../core/scenario/scenario-id.ts';
import type { ChildLine } from './loss-child-lines.ts';
import { playLoss } from './loss-plays.ts';

function say(line: ChildLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const id = process.argv[2] ?? '';
if (!isLossScenarioId(id)) {
  say({ type: 'failed', message: `No loss scenario "${id}".` });
  process.exitCode = 2;
} else {
  playLoss(id, (s) => say(s)).then(
    () => say({ type: 'done' }),
    (err: Error) => {
      say({ type: 'failed', message: err.message });
      process.exitCode = 1;
    },
  );
}
