/**
 * Reads rendered markup the way a reader sees it: an element by its test id, its text, and
 * the numbers (with the signs and operators between them) that the text shows. A snapshot of
 * these numbers ignores classes, styles and layout, so only a changed number breaks it.
 */

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '');
}

/** The element that starts at `start` (a `<` of an opening tag), up to its matching close. */
function elementAt(html: string, start: number): string {
  TAG.lastIndex = start;
  const open = TAG.exec(html);
  if (!open || open.index !== start) throw new Error(`no tag at ${start}`);
  const name = open[2] ?? '';
  if (open[4] === '/' || VOID.has(name.toLowerCase())) return open[0];
  let depth = 1;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[2] !== name || m[4] === '/') continue;
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error(`<${name}> at ${start} is not closed`);
}

/** Every element carrying `data-testid="id"`, outermost first, in document order. */
export function allByTestId(html: string, id: string): string[] {
  const clean = withoutComments(html);
  const out: string[] = [];
  const marker = `data-testid="${id}"`;
  for (let at = clean.indexOf(marker); at >= 0; at = clean.indexOf(marker, at + 1)) {
    out.push(elementAt(clean, clean.lastIndexOf('<', at)));
  }
  return out;
}

/** The one element with the test id; throws when there is none or more than one. */
export function byTestId(html: string, id: string): string {
  const found = allByTestId(html, id);
  if (found.length !== 1) throw new Error(`expected one data-testid="${id}", found ${found.length}`);
  return found[0] ?? '';
}

/** An attribute of the element's opening tag, decoded; undefined when absent. */
export function attr(element: string, name: string): string | undefined {
  const open = element.slice(0, element.indexOf('>') + 1);
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(open);
  return m ? decode(m[1] ?? '') : undefined;
}

/** A numeric attribute (the views put full-precision values in data-value and the like). */
export function numAttr(element: string, name: string): number {
  const value = attr(element, name);
  if (value === undefined || value === '') throw new Error(`no ${name} on ${element.slice(0, 80)}`);
  return Number(value);
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text a reader sees, every tag a word break, white space folded. */
export function textOf(html: string): string {
  const noStyle = withoutComments(html).replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ');
  return decode(noStyle.replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}

/** Numbers as shown (−0.123, 4, 12.5%) and the operators between them (+ − = × ⊙ ·), in reading order. */
export function numbersOf(html: string): string[] {
  return textOf(html).match(/[−-]?\d+(?:\.\d+)?%?|[+−=×⊙·/]/g) ?? [];
}

/** The numbers as one line, for a compact snapshot. */
export function numberLine(html: string): string {
  return numbersOf(html).join(' ');
}

/** The shown value of a number written by formatValue (3 decimals, Unicode minus). */
export function shownValue(text: string): number {
  return Number(text.replace('−', '-'));
}

/** Every outermost element of a tag name, in document order. */
export function allByTag(html: string, tag: string): string[] {
  const clean = withoutComments(html);
  const out: string[] = [];
  const open = new RegExp(`<${tag}[\\s>]`, 'g');
  for (let m = open.exec(clean); m; m = open.exec(clean)) {
    const element = elementAt(clean, m.index);
    out.push(element);
    open.lastIndex = m.index + element.length;
  }
  return out;
}

/** The numbers of each <math> element (the typeset formulas only, not labels), one group per element. */
export function mathNumbers(html: string): string[][] {
  return allByTag(html, 'math').map(numbersOf);
}

/** The formulas' numbers as one line, formulas apart by `|`: what the snapshots keep. */
export function mathLine(html: string): string {
  return mathNumbers(html)
    .map((group) => group.join(' '))
    .join(' | ');
}

/** A signed term of a written-out sum, "− 0.369" or "+ 0.407" or "0.100", as a number. */
export function signedTerm(tokens: readonly string[]): number {
  const [first = '', second = ''] = tokens;
  if (first === '−') return -shownValue(second);
  if (first === '+') return shownValue(second);
  return shownValue(first);
}

export interface GridCell {
  row: number;
  col: number;
  /** Full precision, from data-value; null for a skipped padding cell. */
  value: number | null;
  /** The number printed in the cell. */
  shown: string;
}

/** Every element whose opening tag has `name="value"`, in document order (nested ones too). */
export function allByAttr(html: string, name: string, value: string): string[] {
  const clean = withoutComments(html);
  const out: string[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(clean); m; m = TAG.exec(clean)) {
    if (m[1] === '/' || attr(m[0], name) !== value) continue;
    const at = TAG.lastIndex;
    out.push(elementAt(clean, m.index));
    TAG.lastIndex = at;
  }
  return out;
}

/** The cells of a value grid (role="gridcell"), with their values and printed numbers. */
export function gridCells(html: string): GridCell[] {
  return allByAttr(html, 'role', 'gridcell').map((g) => {
    const value = attr(g, 'data-value') ?? '';
    return {
      row: numAttr(g, 'data-row'),
      col: numAttr(g, 'data-col'),
      value: value === '' ? null : Number(value),
      shown: textOf(g),
    };
  });
}
