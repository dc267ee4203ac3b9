/**
 * A small TeX-like formula language turned into a MathML tree, so the article's formulas are
 * written readably (`\frac{a}{b}`, `x_{i}^{2}`) and typeset natively by the browser. Only what
 * the article needs is supported; anything else is an error naming the formula and the spot.
 */

export interface MathNode {
  tag: string;
  attrs?: Record<string, string>;
  /** Leaf text (mi, mn, mo, mtext); elements with children have none. */
  text?: string;
  children?: MathNode[];
}

const SYMBOLS: Record<string, [string, string]> = {
  alpha: ['mi', 'α'],
  beta: ['mi', 'β'],
  gamma: ['mi', 'γ'],
  delta: ['mi', 'δ'],
  epsilon: ['mi', 'ε'],
  eta: ['mi', 'η'],
  theta: ['mi', 'θ'],
  lambda: ['mi', 'λ'],
  mu: ['mi', 'μ'],
  sigma: ['mi', 'σ'],
  tau: ['mi', 'τ'],
  phi: ['mi', 'φ'],
  Delta: ['mi', 'Δ'],
  Sigma: ['mi', 'Σ'],
  nabla: ['mo', '∇'],
  rho: ['mi', 'ρ'],
  pi: ['mi', 'π'],
  omega: ['mi', 'ω'],
  xi: ['mi', 'ξ'],
  partial: ['mo', '∂'],
  infty: ['mi', '∞'],
  cdot: ['mo', '·'],
  times: ['mo', '×'],
  le: ['mo', '≤'],
  ge: ['mo', '≥'],
  approx: ['mo', '≈'],
  in: ['mo', '∈'],
  odot: ['mo', '⊙'],
  oplus: ['mo', '⊕'],
  to: ['mo', '→'],
  leftarrow: ['mo', '←'],
  ldots: ['mo', '…'],
  cdots: ['mo', '⋯'],
  sum: ['mo', '∑'],
  prod: ['mo', '∏'],
  lfloor: ['mo', '⌊'],
  rfloor: ['mo', '⌋'],
  lceil: ['mo', '⌈'],
  rceil: ['mo', '⌉'],
  max: ['mi', 'max'],
  min: ['mi', 'min'],
  exp: ['mi', 'exp'],
  log: ['mi', 'log'],
  ln: ['mi', 'ln'],
  tanh: ['mi', 'tanh'],
  argmax: ['mi', 'argmax'],
  mid: ['mo', '|'],
  pm: ['mo', '±'],
  ne: ['mo', '≠'],
};

const OPERATORS = new Set(['+', '-', '=', '<', '>', ',', '(', ')', '[', ']', '|', '/', '!', ';', ':', "'"]);
/** Operators whose limits go below and above them, as in display math. */
const LARGE_OPS = new Set(['∑', '∏', 'max', 'min', 'argmax']);

export class TexError extends Error {}

/** A subscript spelled as a word (C_{in}, D_{F}) names something: set it upright, as one identifier. */
function wordAsName(node: MathNode): MathNode {
  const letters = node.tag === 'mrow' ? (node.children ?? []) : [];
  if (
    letters.length < 2 ||
    !letters.every((n) => n.tag === 'mi' && n.text?.length === 1 && /\p{L}/u.test(n.text))
  )
    return node;
  return { tag: 'mi', attrs: { mathvariant: 'normal' }, text: letters.map((n) => n.text).join('') };
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  fail(what: string): never {
    throw new TexError(`formula "${this.src}", at character ${this.i + 1}: ${what}`);
  }

  parseAll(): MathNode[] {
    const nodes = this.parseSeq();
    if (this.i < this.src.length) this.fail(`unexpected "${this.src[this.i]}"`);
    return nodes;
  }

  private parseSeq(): MathNode[] {
    const out: MathNode[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.src[this.i];
      if (c === undefined || c === '}') return out;
      if (c === '^' || c === '_') {
        const base = out.pop() ?? this.fail(`"${c}" needs something before it`);
        out.push(this.parseScripts(base));
      } else out.push(this.parseAtom());
    }
  }

  private parseScripts(base: MathNode): MathNode {
    let sub: MathNode | null = null;
    let sup: MathNode | null = null;
    for (;;) {
      const c = this.src[this.i];
      if (c === '_' && !sub) {
        this.i++;
        sub = wordAsName(this.parseArg());
      } else if (c === '^' && !sup) {
        this.i++;
        sup = this.parseArg();
      } else break;
    }
    const large = base.text !== undefined && LARGE_OPS.has(base.text);
    if (sub && sup) return { tag: large ? 'munderover' : 'msubsup', children: [base, sub, sup] };
    if (sub) return { tag: large ? 'munder' : 'msub', children: [base, sub] };
    return { tag: large ? 'mover' : 'msup', children: [base, sup ?? this.fail('empty script')] };
  }

  /** One argument: a {group} or a single atom. */
  private parseArg(): MathNode {
    this.skipSpace();
    if (this.src[this.i] === '{') return this.parseGroup();
    return this.parseAtom();
  }

  private parseGroup(): MathNode {
    this.i++; // {
    const children = this.parseSeq();
    if (this.src[this.i] !== '}') this.fail('missing "}"');
    this.i++;
    return children.length === 1 && children[0] ? children[0] : { tag: 'mrow', children };
  }

  private parseAtom(): MathNode {
    const c = this.src[this.i] ?? this.fail('unexpected end');
    if (c === '{') return this.parseGroup();
    if (c === '\\') return this.parseCommand();
    if (/[0-9.]/.test(c)) {
      const m = /^[0-9]*\.?[0-9]+/.exec(this.src.slice(this.i)) ?? this.fail('bad number');
      this.i += m[0].length;
      return { tag: 'mn', text: m[0] };
    }
    this.i++;
    // A slash reads as a fraction written inline (1/N), so it gets no operator spacing.
    if (c === '/') return { tag: 'mo', attrs: { lspace: '0', rspace: '0' }, text: '/' };
    if (OPERATORS.has(c)) return { tag: 'mo', text: c === '-' ? '−' : c === "'" ? '′' : c };
    if (/\p{L}/u.test(c)) return { tag: 'mi', text: c };
    return this.fail(`unsupported character "${c}"`);
  }

  private parseCommand(): MathNode {
    this.i++; // backslash
    const m = /^[a-zA-Z]+|^[ ,;{}|]/.exec(this.src.slice(this.i)) ?? this.fail('"\\" without a command');
    const name = m[0];
    this.i += name.length;
    switch (name) {
      case 'frac':
        return { tag: 'mfrac', children: [this.parseArg(), this.parseArg()] };
      case 'sqrt':
        return { tag: 'msqrt', children: [this.parseArg()] };
      case 'hat':
        return {
          tag: 'mover',
          attrs: { accent: 'true' },
          children: [this.parseArg(), { tag: 'mo', text: '^' }],
        };
      case 'text':
        return { tag: 'mtext', text: this.readRaw() };
      case 'mathrm':
        return { tag: 'mi', attrs: { mathvariant: 'normal' }, text: this.readRaw() };
      case 'quad':
        return { tag: 'mspace', attrs: { width: '1em' } };
      case ' ':
      case ',':
      case ';':
        return { tag: 'mspace', attrs: { width: name === ';' ? '0.28em' : '0.17em' } };
      case '{':
      case '}':
      case '|':
        return { tag: 'mo', text: name === '|' ? '‖' : name };
      case 'left':
      case 'right': {
        this.skipSpace();
        const d = this.parseAtom();
        return { ...d, attrs: { stretchy: 'true' } };
      }
    }
    const sym = SYMBOLS[name] ?? this.fail(`unknown command "\\${name}"`);
    return { tag: sym[0], text: sym[1] };
  }

  /** The raw text of a {group}, for \text and \mathrm. */
  private readRaw(): string {
    this.skipSpace();
    if (this.src[this.i] !== '{') this.fail('expected "{"');
    const end = this.src.indexOf('}', this.i);
    if (end < 0) this.fail('missing "}"');
    const text = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    return text;
  }

  private skipSpace(): void {
    while (this.src[this.i] === ' ') this.i++;
  }
}

/** The formula as the children of a <math> element. */
export function texToMathml(tex: string): MathNode[] {
  return new Parser(tex).parseAll();
}

/** The formula read aloud-ish, for aria-labels and tests: leaf text in order. */
export function mathText(nodes: readonly MathNode[]): string {
  return nodes.map((n) => n.text ?? mathText(n.children ?? [])).join('');
}
