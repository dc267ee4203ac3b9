/**
 * The article's inline markup, kept tiny so prose stays readable in both languages:
 * **strong**, *emphasis*, `code`, $tex$ for inline formulas and [text](#section) for
 * links to other sections. Parsed into tokens that the view renders; no HTML strings.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'code'; text: string }
  | {
      kind: 'math';
      tex: string;
      /** Opening and closing punctuation that stays on the formula's line (glueToFormulas). */
      lead?: string;
      trail?: string;
    }
  | { kind: 'link'; text: string; section: string };

const PATTERN = /\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`|\$(.+?)\$|\[(.+?)\]\(#([\w-]+)\)/gu;

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of source.matchAll(PATTERN)) {
    const at = m.index;
    if (at > last) out.push({ kind: 'text', text: source.slice(last, at) });
    const [, strong, em, code, math, linkText, section] = m;
    if (strong !== undefined) out.push({ kind: 'strong', text: strong });
    else if (em !== undefined) out.push({ kind: 'em', text: em });
    else if (code !== undefined) out.push({ kind: 'code', text: code });
    else if (math !== undefined) out.push({ kind: 'math', tex: math });
    else if (linkText !== undefined && section !== undefined)
      out.push({ kind: 'link', text: linkText, section });
    last = at + m[0].length;
  }
  if (last < source.length) out.push({ kind: 'text', text: source.slice(last) });
  return out;
}

/** The text a reader sees, markup removed (formulas kept as their source). */
export function plainText(source: string): string {
  return parseInline(source)
    .map((t) => (t.kind === 'math' ? t.tex : t.text))
    .join('');
}

/** Punctuation a line may not end with (opening) or start with (closing), Chinese and Latin. */
const OPENING = /[（「『“‘([]+$/u;
const CLOSING = /^[，。、；：！？）」』”’,.;:!?)\]]+/u;

/**
 * A formula is one unbreakable box, and a browser may break a line on either side of it, even
 * before a comma: "和 b" / "，这是…". The punctuation around a formula moves into its token
 * (`lead`, `trail`), to be set on the same line as the formula.
 */
export function glueToFormulas(tokens: readonly Inline[]): Inline[] {
  const out = tokens.map((t) => ({ ...t }));
  for (let i = 0; i < out.length; i++) {
    const math = out[i]!;
    if (math.kind !== 'math') continue;
    const before = out[i - 1];
    if (before?.kind === 'text') {
      const lead = OPENING.exec(before.text)?.[0];
      if (lead) {
        math.lead = lead;
        before.text = before.text.slice(0, -lead.length);
      }
    }
    const after = out[i + 1];
    if (after?.kind === 'text') {
      const trail = CLOSING.exec(after.text)?.[0];
      if (trail) {
        math.trail = trail;
        after.text = after.text.slice(trail.length);
      }
    }
  }
  return out.filter((t) => t.kind !== 'text' || t.text.length > 0);
}
