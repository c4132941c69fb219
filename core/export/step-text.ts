/** Plain-English texts for one socket step, for files made outside the page (CSV, Mermaid, pcapng). */
import { formatEndpoint } from '../conversation-id.ts';
import type { SocketStep } from '../protocol.ts';

/** `write 13 B`, `connect`, `error ECONNREFUSED`. */
export function stepName(s: SocketStep): string {
  if (s.kind === 'error') return `error ${s.code ?? ''}`.trim();
  return s.bytes > 0 ? `${s.kind} ${s.bytes} B` : s.kind;
}

/** What the step carried or meant: the message, the error text, connect time, or its endpoints. */
export function stepDetail(s: SocketStep): string {
  if (s.preview && s.preview.text !== '') return s.preview.text;
  if (s.kind === 'error') return s.message ?? '';
  if (s.kind === 'connect' && s.durationUs !== undefined) return `took ${s.durationUs} µs`;
  return s.remote
    ? `${formatEndpoint(s.local)} ↔ ${formatEndpoint(s.remote)}`
    : formatEndpoint(s.local);
}
