/**
 * Which first screen the page shows, decided by a blocking script in <head> (the build inlines
 * firstScreenEntry.ts there, scripts/lib/vitePrerender.ts) before the parser reaches #prerender,
 * and asked again by the snapshot's own script (snapshot.ts), so the two agree. The page holds
 * the English first screen of a wide window inline; for any other (Chinese, a narrow window) or
 * none (a share link), <html> gets SWAP_ATTRIBUTE (snapshotStyle.ts), under which the
 * snapshot's style hides #prerender: the English one is never painted, however the parser yields.
 */
import { detectLocale } from '../lib/i18n/detect';
import type { Locale } from '../lib/i18n/define';
import { NARROW_QUERY } from '../app/state/sideWidth';
import { SWAP_ATTRIBUTE } from './snapshotStyle';

const LOCALE_KEY = 'cnn-studio.locale';

export function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The language the app will start in (as I18n picks it): the saved choice, else the browser's. */
export function startLocale(w: { languages: readonly string[]; savedLocale: string | null }): Locale {
  return w.savedLocale === 'en' || w.savedLocale === 'zh-CN' ? w.savedLocale : detectLocale(w.languages);
}

/**
 * Why the app's first screen would not be this snapshot, or null when it is: the address asks
 * for something else (`?net=`, a share link's hash, a neuron's detail). Every language and
 * window width has its prerendered first screen.
 */
export function skipReason(w: { search: string; hash: string }): string | null {
  const query = new URLSearchParams(w.search);
  if (query.has('net') || query.has('detail')) return 'query';
  if (w.hash.length > 1) return 'hash';
  return null;
}

export interface FirstScreen {
  /** Why there is no snapshot, or null. */
  skip: string | null;
  locale: Locale;
  narrow: boolean;
}

/** This page's first screen, from its address, the saved language, the browser's and the window. */
export function chooseFirstScreen(): FirstScreen {
  const skip =
    skipReason({ search: location.search, hash: location.hash }) ??
    (typeof DecompressionStream === 'undefined' ? 'no DecompressionStream' : null);
  return {
    skip,
    locale: startLocale({ languages: navigator.languages ?? [], savedLocale: stored(LOCALE_KEY) }),
    narrow: matchMedia(NARROW_QUERY).matches,
  };
}

/** Whether the page's inline first screen (English, a wide window) is the one shown. */
export const inlineShellShown = (s: FirstScreen): boolean => !s.skip && s.locale === 'en' && !s.narrow;

/** Runs in <head>: marks a page whose inline first screen must not be painted. */
export function markFirstScreen(): void {
  try {
    if (!inlineShellShown(chooseFirstScreen())) document.documentElement.setAttribute(SWAP_ATTRIBUTE, '');
  } catch {
    // The snapshot's script decides again (and hides it itself) below.
  }
}
