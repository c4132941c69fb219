/** Checks a message before it is sent: not empty, and no longer than the echo endpoint reads. */
import { MAX_MESSAGE_BYTES } from '../../../core/protocol.ts';
import { t } from './messages.ts';

const encoder = new TextEncoder();

/** The UTF-8 size of `text` in bytes. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** An error text for the user, or null when `message` may be sent. */
export function validateMessage(message: string): string | null {
  if (message.length === 0) return t('send.empty');
  const bytes = utf8Bytes(message);
  if (bytes > MAX_MESSAGE_BYTES) return t('send.tooLong', { bytes, max: MAX_MESSAGE_BYTES });
  return null;
}
