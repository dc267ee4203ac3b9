import { describe, expect, it } from 'vitest';
import { netTitle } from '../../src/lib/zoo/netTitles';
import { ZOO } from '../../src/lib/zoo';
import { localize } from '../../src/lib/i18n';

describe('net titles', () => {
  it('shows the LSTM text classifier under its Chinese name in Chinese', () => {
    const name = ZOO.find((e) => e.card.id === 'lstm-text')!.spec().name;
    expect(localize('en', netTitle(name))).toBe('LSTM text classifier');
    expect(localize('zh-CN', netTitle(name))).toBe('LSTM 文本分类器');
  });

  it('translates every zoo net whose name is a phrase, and leaves proper names as they are', () => {
    for (const { card, spec } of ZOO) {
      const name = spec().name;
      const zh = localize('zh-CN', netTitle(name));
      // A name of plain lower-case words is a description and must be translated.
      if (/ [a-z]{3,}/.test(name)) expect(zh, name).toMatch(/\p{Script=Han}/u);
      else expect(zh, name).toBe(name);
      if (card.title?.en === name) expect(netTitle(name)).toEqual(card.title);
    }
    expect(netTitle('my "net" <b>')).toEqual({ en: 'my "net" <b>', zh: 'my "net" <b>' });
  });
});
