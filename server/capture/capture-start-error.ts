/** The error a capture source's start() rejects with: its message is one sentence that says the fix. */

export class CaptureStartError extends Error {
  override readonly name = 'CaptureStartError';
}
