/**
 * Names of zoo nets that are English phrases rather than proper names ("LSTM text classifier"):
 * views show them in the reader's language. Kept apart from the zoo so the overview can name a
 * net without loading every zoo architecture.
 */
import type { Localized } from '../spec/types';

export const LSTM_TEXT_TITLE: Localized = { en: 'LSTM text classifier', zh: 'LSTM 文本分类器' };

const TITLES: ReadonlyMap<string, Localized> = new Map([[LSTM_TEXT_TITLE.en, LSTM_TEXT_TITLE]]);

/** How to show a net's name: its translation when it is one of ours, otherwise the name as it is. */
export function netTitle(name: string): Localized {
  return TITLES.get(name) ?? { en: name, zh: name };
}
