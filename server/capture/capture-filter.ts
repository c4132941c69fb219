/**
 * Builds the BPF capture filter for the echo endpoints: their TCP and UDP ports plus the ICMP and
 * ICMPv6 error messages that report a closed UDP port. Only validated port numbers enter the string.
 */

export interface CapturePorts {
  tcp?: readonly number[];
  udp?: readonly number[];
}

/**
 * ICMPv4 errors worth seeing: destination unreachable (3), time exceeded (11), parameter problem (12).
 * `icmp[0]` is safe with IP options: libpcap adds the IPv4 header length to the offset.
 * @see RFC 792 (message types)
 */
const ICMP_ERRORS = '(icmp and (icmp[0] = 3 or icmp[0] = 11 or icmp[0] = 12))';

/**
 * ICMPv6 error messages are exactly the types below 128. `icmp6` matches only when ICMPv6 directly
 * follows the fixed 40-byte IPv6 header (it is `ip6 proto 58`, not `protochain`), so `ip6[40]` is the
 * type; an error behind extension headers is missed, which the echo endpoints never provoke.
 * @see RFC 4443 §2.1 (message types)
 */
const ICMP6_ERRORS = '(icmp6 and ip6[40] < 128)';

/** Throws RangeError unless every port is an integer in 1..65535; returns them without duplicates. */
function validPorts(ports: readonly number[] | undefined, proto: string): number[] {
  const out: number[] = [];
  for (const port of ports ?? []) {
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      throw new RangeError(
        `captureFilter: ${proto} port ${String(port)} is not an integer in 1..65535`,
      );
    }
    if (!out.includes(port)) out.push(port);
  }
  return out;
}

/** `(tcp port 23333) or (udp port 23333) or (icmp and …) or (icmp6 and …)` */
export function captureFilter(ports: CapturePorts): string {
  const tcp = validPorts(ports.tcp, 'tcp');
  const udp = validPorts(ports.udp, 'udp');
  if (tcp.length + udp.length === 0) throw new RangeError('captureFilter: no port given');
  const parts = [...tcp.map((p) => `(tcp port ${p})`), ...udp.map((p) => `(udp port ${p})`)];
  return [...parts, ICMP_ERRORS, ICMP6_ERRORS].join(' or ');
}
