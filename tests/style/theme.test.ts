/** The design tokens exist once: app.css's :root declares exactly the set src/lib/theme.ts holds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cssTokens } from '../../src/lib/theme';

/** The custom properties of the first `:root { … }` block, name → value with whitespace collapsed. */
function rootProperties(css: string): Map<string, string> {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const body = /:root\s*\{([^}]*)\}/.exec(withoutComments)?.[1];
  if (body === undefined) throw new Error('app.css has no :root block');
  const props = new Map<string, string>();
  for (const m of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g))
    props.set(m[1] ?? '', (m[2] ?? '').replace(/\s+/g, ' ').trim());
  return props;
}

const normalise = (v: string): string => v.replace(/\s+/g, ' ').replace(/"/g, "'").trim();

describe('design tokens', () => {
  const css = rootProperties(readFileSync('src/app.css', 'utf8'));
  const ts = new Map([...cssTokens()].map(([k, v]) => [k, normalise(v)]));

  it('app.css declares every token of theme.ts with the same value', () => {
    expect(Object.fromEntries(css)).toEqual(Object.fromEntries(ts));
  });

  it('names no colour twice', () => {
    const colours = [...ts].filter(([, v]) => v.startsWith('#')).map(([k, v]) => `${v} ${k}`);
    const byValue = new Map<string, string[]>();
    for (const entry of colours) {
      const [value = '', name = ''] = entry.split(' ');
      byValue.set(value, [...(byValue.get(value) ?? []), name]);
    }
    // One value may serve two roles on purpose (the page and the text on an accent fill are both white).
    const shared = [...byValue].filter(([, names]) => names.length > 1).map(([, names]) => names.join(' = '));
    expect(shared).toEqual(['--surface = --on-accent']);
  });
});
