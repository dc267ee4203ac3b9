/**
 * Breaks a sentence into lines for SVG text, which does not wrap by itself. Width is
 * counted in characters, with CJK characters as two, close enough for labels in a node.
 */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/** Splits into at most `maxLines` lines of about `maxWidth`; a cut-off end gets an ellipsis. */
export function wrapText(text: string, maxWidth: number, maxLines: number): string[] {
  // CJK text has no spaces: every character is a possible break.
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    if (line !== '' && width(line + t.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += line === '' ? t.trimStart() : t;
    while (width(line) > maxWidth) {
      lines.push(line.slice(0, maxWidth));
      line = line.slice(maxWidth);
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxWidth - 1)).trimEnd()}…`;
  return kept;
}

/** One line, cut with an ellipsis when longer than `maxWidth`. */
export function clip(text: string, maxWidth: number): string {
  if (width(text) <= maxWidth) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > maxWidth - 1) break;
    out += ch;
  }
  return `${out}…`;
}
