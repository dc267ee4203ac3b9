/**
 * Which language a browser's preferences resolve to, on its own so the page's first inline
 * script (src/prerender/snapshot.ts) can ask it without the message tables.
 */
import type { Locale } from './define';

/** The first supported language in the browser's preference list, English otherwise. */
export function detectLocale(preferred: readonly string[]): Locale {
  for (const lang of preferred) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}
