/**
 * A token bucket: `rate` tokens a second, holding at most `burst`; `take()` spends one or says no.
 * Used for the per-page and whole-server limits on triggers and joins.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Spends one token when there is one. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Gives back a token taken for an action that was then refused for another reason. */
  refund(): void {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }
}
