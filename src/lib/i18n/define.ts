/** Message catalogues: every key carries both languages side by side, so none can be missing. */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export interface Message {
  en: string;
  zh: string;
  /**
   * Set when the text is rightly the same in both languages (a product name, a formula);
   * without it the catalogue test treats identical or untranslated text as a mistake.
   */
  same?: true;
}

export function defineMessages<K extends string>(messages: Record<K, Message>): Record<K, Message> {
  return messages;
}
