/** Files made from a session for other tools: pcapng, CSV, Mermaid, JSON. */
export { annotatedPcapng, type ExportFrame } from './annotated-pcapng.ts';
export { csvLine } from './csv-line.ts';
export { sequenceMermaid } from './sequence-mermaid.ts';
export { sessionJson } from './session-json.ts';
export { stepComments } from './step-comments.ts';
export { STEPS_CSV_COLUMNS, stepsCsv } from './steps-csv.ts';
