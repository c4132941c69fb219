/**
 * How many TCP connections an endpoint holds at once, in all and per remote address: `admit`
 * says why a new one is refused (or null), `release` forgets one that closed.
 */
export interface EchoLimits {
  /** TCP connections at once, from everyone. */
  echoConnections: number;
  /** TCP connections at once, from one address. */
  echoConnectionsPerAddress: number;
  /** Milliseconds a connection may stay silent before the server closes it. */
  echoIdleTimeoutMs: number;
}

export class ConnectionCaps {
  private total = 0;
  private perAddress = new Map<string, number>();

  constructor(private limits: EchoLimits) {}

  admit(address: string): string | null {
    const mine = this.perAddress.get(address) ?? 0;
    if (this.total >= this.limits.echoConnections) {
      return `too many connections (at most ${this.limits.echoConnections})`;
    }
    if (mine >= this.limits.echoConnectionsPerAddress) {
      return `too many connections from ${address} (at most ${this.limits.echoConnectionsPerAddress})`;
    }
    this.total++;
    this.perAddress.set(address, mine + 1);
    return null;
  }

  release(address: string): void {
    this.total--;
    const left = (this.perAddress.get(address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(address, left);
    else this.perAddress.delete(address);
  }
}
