/** Which server rule refused a request, so the page can say it in one line of its own language. */
export type LimitKind =
  | 'viewer' // a viewer asked for a presenter's action
  | 'trigger-rate' // this page's sends and scenario runs per second
  | 'trigger-rate-total' // every page's sends and scenario runs per second, together
  | 'scenario-queue' // one waiting run per page, or the queue is full
  | 'read-rate' // joins and catalog requests per second of one page
  | 'class-rate'; // classroom messages (view, quiz) per second of one page

/** A refused request: the server's one line, and the rule that refused it when it was a limit. */
export interface Refusal {
  ok: false;
  error: string;
  limit?: LimitKind;
}
