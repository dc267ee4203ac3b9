/** The article's TeX subset → MathML tree. */
import { describe, expect, it } from 'vitest';
import { mathText, TexError, texToMathml, type MathNode } from '../../src/lib/article/tex';

function tags(n: MathNode): string {
  if (n.text !== undefined) return `${n.tag}:${n.text}`;
  return `${n.tag}(${(n.children ?? []).map(tags).join(' ')})`;
}

const parse = (tex: string): string => texToMathml(tex).map(tags).join(' ');

describe('texToMathml', () => {
  it('reads identifiers, numbers and operators', () => {
    expect(parse('y = 2x - 0.5')).toBe('mi:y mo:= mn:2 mi:x mo:− mn:0.5');
  });

  it('builds fractions, roots, scripts and accents', () => {
    expect(parse('\\frac{a}{b+1}')).toBe('mfrac(mi:a mrow(mi:b mo:+ mn:1))');
    expect(parse('x_{i}^{2}')).toBe('msubsup(mi:x mi:i mn:2)');
    expect(parse('\\sqrt{x}')).toBe('msqrt(mi:x)');
    expect(parse('\\hat{y}')).toBe('mover(mi:y mo:^)');
  });

  it('puts limits under and over sums and max, beside other bases', () => {
    expect(parse('\\sum_{i=1}^{n} x_i')).toBe('munderover(mo:∑ mrow(mi:i mo:= mn:1) mi:n) msub(mi:x mi:i)');
    expect(parse('\\max_{u} x')).toBe('munder(mi:max mi:u) mi:x');
  });

  it('sets word subscripts upright as one name, keeps index lists italic', () => {
    const [cin] = texToMathml('C_{in}');
    expect(cin?.children?.[1]).toEqual({ tag: 'mi', attrs: { mathvariant: 'normal' }, text: 'in' });
    expect(parse('w_{u,v}')).toBe('msub(mi:w mrow(mi:u mo:, mi:v))');
  });

  it('knows the symbols the article uses', () => {
    expect(mathText(texToMathml('\\alpha \\cdot \\lfloor x \\rfloor \\le \\eta'))).toBe('α·⌊x⌋≤η');
    expect(parse('\\text{ok}')).toBe('mtext:ok');
    expect(parse('\\left( x \\right)')).toBe('mo:( mi:x mo:)');
    expect(texToMathml('\\left(')[0]?.attrs).toEqual({ stretchy: 'true' });
  });

  it('names the formula and the place of a mistake', () => {
    expect(() => texToMathml('\\frak{x}')).toThrow(TexError);
    expect(() => texToMathml('\\frak{x}')).toThrow(
      /formula "\\frak\{x\}", at character 6: unknown command "\\frak"/,
    );
    expect(() => texToMathml('{a')).toThrow(/missing "}"/);
    expect(() => texToMathml('^2')).toThrow(/needs something before it/);
    expect(() => texToMathml('a } b')).toThrow(/unexpected "}"/);
  });
});
