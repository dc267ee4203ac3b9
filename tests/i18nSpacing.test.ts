/** Spacing in the Chinese catalogue: no stray spaces between Chinese characters, by punctuation or doubled. */
import { describe, expect, it } from 'vitest';
import { catalog, translate, type MessageKey } from '../src/lib/i18n';
import { deferredMessages } from '../src/lib/i18n/deferredMessages';
import type { Message } from '../src/lib/i18n/define';
import { chineseSpacingProblems, joinSentences } from '../src/lib/i18n/spacing';
import { localizeClassName } from '../src/lib/i18n/classNames';
import { attributionMessages } from '../src/lib/i18n/messages/attribution';
import { visualiseMessages } from '../src/lib/i18n/messages/visualise';

const ALL = { ...catalog, ...deferredMessages } as Record<string, Message>;

/** Where `{name}` is a class name, which may be Chinese ("飞机"): the "Why?" panel's messages, and these. */
const CLASS_NAMED = new Set([
  ...Object.keys(attributionMessages),
  ...Object.keys(visualiseMessages),
  'training.webcam.remove',
  'input.patternLabel',
  'input.patternLabelOf',
]);

/** `{name}` filled with a Chinese class name, as the page fills it. */
function filledWithChinese(template: string): string {
  return template.replace(/\{name\}/g, localizeClassName('airplane', 'zh-CN'));
}

describe('Chinese spacing', () => {
  it('finds the mistakes it is meant to find, and passes the house style', () => {
    expect(chineseSpacingProblems('预测变成了 飞机。')).toEqual(['a space between two Chinese characters']);
    expect(chineseSpacingProblems('预测变成了飞机。 “飞机”：1%')).toEqual([
      'a space next to full-width punctuation',
    ]);
    expect(chineseSpacingProblems('没有名为 “x” 的层')).toEqual(['a space next to full-width punctuation']);
    expect(chineseSpacingProblems('放大  4 倍')).toEqual(['two spaces in a row']);
    expect(chineseSpacingProblems('通道 3 ')).toEqual(['a space at the start or end']);
    expect(chineseSpacingProblems('第 3 / 10 步，用时 12 毫秒')).toEqual([]);
    expect(chineseSpacingProblems('网络对“飞机”如此确定：ε = 0.01')).toEqual([]);
  });

  it('holds for every Chinese message, and with a Chinese class name for a class’s {name}', () => {
    const problems = Object.entries(ALL).flatMap(([key, m]) => [
      ...chineseSpacingProblems(m.zh).map((p) => `${key}: ${p} in ${JSON.stringify(m.zh)}`),
      ...(CLASS_NAMED.has(key) ? chineseSpacingProblems(filledWithChinese(m.zh)) : []).map(
        (p) => `${key} (filled): ${p} in ${JSON.stringify(filledWithChinese(m.zh))}`,
      ),
    ]);
    expect(problems).toEqual([]);
  });

  it('joins the adversarial example’s verdict without a space in Chinese, with one in English', () => {
    const verdict = (locale: 'en' | 'zh-CN'): string => {
      const name = localizeClassName('airplane', locale);
      return joinSentences(locale, [
        translate(locale, 'attribution.fgsm.flipped' as MessageKey, { name }),
        translate(locale, 'attribution.fgsm.classP' as MessageKey, { name, before: '90.0%', after: '3.0%' }),
      ]);
    };
    expect(verdict('zh-CN')).toBe('预测变成了“飞机”。“飞机”：90.0% → 3.0%');
    expect(chineseSpacingProblems(verdict('zh-CN'))).toEqual([]);
    expect(verdict('en')).toBe('The prediction changed to airplane. “airplane”: 90.0% → 3.0%');
  });
});
