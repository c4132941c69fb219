/**
 * Text made safe for a Mermaid sequenceDiagram line. Mermaid's lexer (sequenceDiagram.jison)
 * ends a message or note at `#`, `;` or a newline, reads `%%` as a comment start and `wrap:` /
 * `nowrap:` at the front as a directive; its renderer reads `<…>` as HTML. Those characters are
 * written as Mermaid entity codes (`#59;` for `;`), which it turns back into the character.
 */
const CODES: Record<string, string> = {
  '#': '#35;',
  ';': '#59;',
  '%': '#37;',
  '<': '#lt;',
  '>': '#gt;',
};

/** Longest label kept; the rest becomes '…' so a diagram stays readable. */
const MAX_LABEL = 80;

export function mermaidText(text: string): string {
  // Control characters (newlines included) become spaces; runs of spaces one.
  let out = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (out.length > MAX_LABEL) out = out.slice(0, MAX_LABEL - 1) + '…';
  out = out.replace(/[#;%<>]/g, (c) => CODES[c]!);
  // A leading `wrap:` would be taken as a directive, not shown.
  out = out.replace(/^((?:no)?wrap):/i, '$1#58;');
  return out === '' ? '-' : out;
}
