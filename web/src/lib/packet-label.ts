/** The analyzer-style packet texts live in core, so the page and the exports print the same. */
export * from '../../../core/report/packet-label.ts';
