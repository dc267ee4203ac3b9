/**
 * A heuristic scan of Svelte markup for user-visible text that bypasses i18n: letters in
 * text nodes outside {expressions}, and literal values of attributes people read or hear
 * (aria-label, title, alt, placeholder). Script, style, comments and MathML tokens are ignored.
 */

export interface HardCodedText {
  line: number;
  text: string;
}

const VISIBLE_ATTRS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'alt',
  'placeholder',
  'label',
]);
/** A word: two letters or more, or any Chinese character. Lone letters are math variables (b = 0.1). */
const LETTER = /\p{L}{2,}|\p{Script=Han}/u;
/** Unit symbols read the same in both languages (the house style keeps units consistent). */
const UNITS = new Set(['px', 'ms', 'kB', 'MB', 'GB', 'fps']);
/** MathML token elements: their text is notation, the same in every language. */
const MATH_TOKENS = new Set(['mi', 'mn', 'mo']);

function blank(source: string, re: RegExp): string {
  // Keeps newlines so reported line numbers stay right.
  return source.replace(re, (m) => m.replace(/[^\n]/g, ' '));
}

/** Index just past the `}` closing the `{` at `start`, skipping strings and nested braces. */
function skipExpression(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = s.indexOf(c, i + 1);
      i = end < 0 ? s.length : end;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return s.length;
}

function lineAt(s: string, i: number): number {
  return s.slice(0, i).split('\n').length;
}

/** Scans one tag from `<` at `start`; returns where it ends and any literal visible attributes. */
function scanTag(s: string, start: number, found: HardCodedText[]): number {
  let i = start + 1;
  while (i < s.length && s[i] !== '>') {
    if (s[i] === '{') {
      i = skipExpression(s, i);
      continue;
    }
    const attr = /^([\w:-]+)\s*=\s*(["'])/.exec(s.slice(i));
    if (attr) {
      const [whole, name, quote] = attr;
      const valueStart = i + whole.length;
      const end = s.indexOf(quote ?? '"', valueStart);
      const value = s.slice(valueStart, end);
      const literal = value.replace(/\{[^}]*\}/g, '');
      if (name && VISIBLE_ATTRS.has(name) && LETTER.test(literal))
        found.push({ line: lineAt(s, i), text: `${name}="${value}"` });
      i = end + 1;
      continue;
    }
    i++;
  }
  return i + 1;
}

export function findHardCodedText(source: string): HardCodedText[] {
  let s = blank(source, /<script[\s\S]*?<\/script>/g);
  s = blank(s, /<style[\s\S]*?<\/style>/g);
  s = blank(s, /<!--[\s\S]*?-->/g);
  const found: HardCodedText[] = [];
  let text = '';
  let textStart = 0;
  let lastTag = '';
  const flush = (): void => {
    const t = text.replace(/&#?\w+;/g, ' ').trim();
    if (LETTER.test(t) && !MATH_TOKENS.has(lastTag) && !UNITS.has(t))
      found.push({ line: lineAt(s, textStart), text: t });
    text = '';
  };
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '{') {
      flush();
      i = skipExpression(s, i);
      textStart = i;
    } else if (c === '<') {
      flush();
      lastTag = /^<([\w:-]+)/.exec(s.slice(i))?.[1] ?? '';
      i = scanTag(s, i, found);
      textStart = i;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return found;
}
