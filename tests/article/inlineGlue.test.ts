/** A formula keeps the punctuation around it on its own line: no line starts with "，" after one. */
import { describe, expect, it } from 'vitest';
import { glueToFormulas, parseInline } from '../../src/lib/article/inline';

describe('glueToFormulas', () => {
  it('moves a closing comma (and an opening bracket) next to the formula, in Chinese and English', () => {
    expect(glueToFormulas(parseInline('权重 $W$、$U$ 和 $b$，这是（$x$）。'))).toEqual([
      { kind: 'text', text: '权重 ' },
      { kind: 'math', tex: 'W', trail: '、' },
      { kind: 'math', tex: 'U' },
      { kind: 'text', text: ' 和 ' },
      { kind: 'math', tex: 'b', trail: '，' },
      { kind: 'text', text: '这是' },
      { kind: 'math', tex: 'x', lead: '（', trail: '）。' },
    ]);
    expect(glueToFormulas(parseInline('the loss $L$, then ($\\epsilon$).'))).toEqual([
      { kind: 'text', text: 'the loss ' },
      { kind: 'math', tex: 'L', trail: ',' },
      { kind: 'text', text: ' then ' },
      { kind: 'math', tex: '\\epsilon', lead: '(', trail: ').' },
    ]);
  });

  it('leaves text that is not punctuation, other tokens and the source tokens alone', () => {
    const tokens = parseInline('**a** $x$ b, `c`; $y$z');
    const copy = structuredClone(tokens);
    expect(glueToFormulas(tokens)).toEqual([
      { kind: 'strong', text: 'a' },
      { kind: 'text', text: ' ' },
      { kind: 'math', tex: 'x' },
      { kind: 'text', text: ' b, ' },
      { kind: 'code', text: 'c' },
      { kind: 'text', text: '; ' },
      { kind: 'math', tex: 'y' },
      { kind: 'text', text: 'z' },
    ]);
    expect(tokens).toEqual(copy);
  });
});
