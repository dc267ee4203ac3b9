/**
 * Spacing in Chinese text. Chinese sets no space between its characters or next to its
 * full-width punctuation (“”，。：（）); the catalogues put one space between a Chinese
 * character and Latin text or a number ("第 {n} 轮"). A class name may be Chinese itself, so
 * a message quotes it (“{name}”) rather than setting it off with spaces.
 */
import type { Locale } from './define';

const HAN = '\\p{Script=Han}';
/** Full-width punctuation, including the curly quotes Chinese text uses. */
const FULL = '\\u3000-\\u303f\\uff01-\\uff60\\u201c\\u201d\\u2018\\u2019';

const RULES: readonly { what: string; pattern: RegExp }[] = [
  { what: 'a space between two Chinese characters', pattern: new RegExp(`${HAN}\\s+${HAN}`, 'u') },
  { what: 'a space next to full-width punctuation', pattern: new RegExp(`\\s[${FULL}]|[${FULL}]\\s`, 'u') },
  { what: 'two spaces in a row', pattern: /\s{2}/u },
  { what: 'a space at the start or end', pattern: /^\s|\s$/u },
];

/** What is wrong with the spacing of Chinese text (an empty list when nothing is). */
export function chineseSpacingProblems(text: string): string[] {
  return RULES.filter((r) => r.pattern.test(text)).map((r) => r.what);
}

/** What goes between two sentences shown one after another: a space in English, nothing in Chinese. */
export function sentenceGap(locale: Locale): string {
  return locale === 'zh-CN' ? '' : ' ';
}

export function joinSentences(locale: Locale, sentences: readonly string[]): string {
  return sentences.join(sentenceGap(locale));
}
