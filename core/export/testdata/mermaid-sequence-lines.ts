/**
 * A checker for the part of Mermaid's sequenceDiagram language the export writes, following the
 * lexer rules of mermaid's own grammar (packages/mermaid/src/diagrams/sequence/parser/
 * sequenceDiagram.jison): a message or note text is `":"[^#\n;]+`, an actor is
 * `[^\+\->:\n,;]+`, `participant X as …` takes the rest of the line up to `#`, `;` or a newline,
 * `title` likewise, and `%%` starts a comment anywhere. Before lexing, mermaid swaps entity codes
 (`#59;`, `#lt;`) for placeholders (`encodeEntities`), so they never end a text; afterwards they
 are shown as the character (`decodeEntities`). Both steps are done here too. @mermaid-js/parser (2.0) has no
 * sequenceDiagram grammar (only info, packet, pie, gitGraph, architecture, radar, treemap…), so
 * these rules are checked here.
 */
export interface SequenceLine {
  kind: 'title' | 'participant' | 'message' | 'note';
  from?: string;
  to?: string;
  /** The shown text, entity codes decoded. */
  text: string;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', nbsp: ' ' };
const ACTOR = String.raw`[^+\->:\n,;]+`;
const TEXT = String.raw`[^#\n;]+`;

/** Mermaid's pre-pass: `#59;` → `ﬂ°°59¶ß`, `#lt;` → `ﬂ°lt¶ß`. */
function encodeEntities(text: string): string {
  return text.replace(/#(\w+);/g, (_, code: string) =>
    /^\d+$/.test(code) ? `ﬂ°°${code}¶ß` : `ﬂ°${code}¶ß`,
  );
}

/** What the reader sees: the placeholders as characters. */
export function decodeEntities(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, code: string) => NAMED[code] ?? `&${code};`);
}

/** Parses the diagram or throws with the line that breaks a rule. */
export function parseSequenceLines(diagram: string): SequenceLine[] {
  const lines = diagram.replace(/\n$/, '').split('\n');
  if (lines[0]?.trim() !== 'sequenceDiagram') throw new Error('no sequenceDiagram header');
  const declared = new Set<string>();
  const out: SequenceLine[] = [];
  for (const [i, raw] of lines.slice(1).entries()) {
    const line = encodeEntities(raw).trim();
    const fail = (why: string) => new Error(`line ${i + 2}: ${why}: ${raw}`);
    if (line.includes('%%')) throw fail('"%%" starts a comment');
    let m: RegExpMatchArray | null;
    if ((m = line.match(new RegExp(`^title\\s(${TEXT})$`)))) {
      out.push({ kind: 'title', text: decodeEntities(m[1]!.trim()) });
    } else if ((m = line.match(new RegExp(`^participant\\s+([A-Za-z]\\w*)\\s+as\\s+(${TEXT})$`)))) {
      declared.add(m[1]!);
      out.push({ kind: 'participant', from: m[1]!, text: decodeEntities(m[2]!.trim()) });
    } else if ((m = line.match(new RegExp(`^(${ACTOR})->>(${ACTOR}):(${TEXT})$`)))) {
      const [from, to] = [m[1]!.trim(), m[2]!.trim()];
      if (!declared.has(from) || !declared.has(to)) throw fail('undeclared participant');
      out.push({ kind: 'message', from, to, text: message(m[3]!, fail) });
    } else if ((m = line.match(new RegExp(`^Note\\s+(?:left|right) of\\s+(${ACTOR}):(${TEXT})$`)))) {
      if (!declared.has(m[1]!.trim())) throw fail('undeclared participant');
      out.push({ kind: 'note', from: m[1]!.trim(), text: message(m[2]!, fail) });
    } else {
      throw fail('not a statement of the sequenceDiagram grammar');
    }
  }
  return out;
}

function message(text: string, fail: (why: string) => Error): string {
  const t = text.trim();
  if (/^(?:no)?wrap:/i.test(t)) throw fail('a leading wrap: is a directive');
  return decodeEntities(t);
}
