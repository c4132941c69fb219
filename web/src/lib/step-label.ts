/** Texts for one socket step: the pill label on the ladder and the message it carried. */
import type { SocketStep } from '../../../core/protocol.ts';
import { t } from './messages.ts';
import { formatDuration } from './format-time.ts';

/** `write 13 B`, `accept`, `error ECONNREFUSED`, `connect`… */
export function stepLabel(s: SocketStep): string {
  return t(`step.${s.kind}`, { bytes: s.bytes, code: s.code ?? '' }).trim();
}

/** What the step carried or meant: the message preview, an error text, a connect time. */
export function stepText(s: SocketStep): string {
  if (s.preview && s.preview.text !== '') return s.preview.text;
  if (s.kind === 'error' || s.kind === 'over-limit') return s.message ?? '';
  if (s.kind === 'idle-close' && s.durationUs !== undefined) {
    return t('step.silent', { d: formatDuration(s.durationUs) });
  }
  if (s.kind === 'connect' && s.durationUs !== undefined) {
    return t('step.took', { d: formatDuration(s.durationUs) });
  }
  return '';
}

/** Cut `text` to at most `max` characters, ending with '…' when cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  if (max === 1) return '…';
  return text.slice(0, max - 1) + '…';
}
