// Reads a JSON array of diagrams on stdin and prints Mermaid's own verdict on each as one JSON
// array. Runs in plain Node with a small DOM (mermaid sanitises titles with DOMPurify, which
// needs a window); one process for all, since loading mermaid takes seconds.
import { parseHTML } from 'linkedom';

const { window } = parseHTML('<!doctype html><html><body></body></html>');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    const res = await mermaid.parse(text);
    results.push({ ok: true, diagramType: res.diagramType });
  } catch (err) {
    results.push({ ok: false, error: String(err instanceof Error ? err.message : err).split('\n')[0] });
  }
}
process.stdout.write(JSON.stringify(results) + '\n');
