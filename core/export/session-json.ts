/**
 * A session's whole timeline as one JSON document, written in chunks so a long session never
 * sits in memory twice: `{ "session": {…}, "records": [ …every record, in order… ] }`.
 */
import type { SessionRecord } from '../protocol.ts';

/** Records per yielded chunk. */
const RECORDS_PER_CHUNK = 256;

export function* sessionJson(
  session: object,
  records: Iterable<SessionRecord>,
): Generator<string, void, undefined> {
  let chunk = `{"session":${JSON.stringify(session)},"records":[`;
  let n = 0;
  for (const r of records) {
    chunk += (n === 0 ? '\n' : ',\n') + JSON.stringify(r);
    if (++n % RECORDS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '\n]}\n';
}
