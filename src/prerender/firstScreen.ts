/**
 * Which first screen the page shows, decided by a blocking script in <head> (the build inlines
 * firstScreenEntry.ts there, scripts/lib/vitePrerender.ts) before the parser reaches #prerender,
 * and written on <html> (CHOICE_ATTRIBUTE) for the snapshot's own script (snapshot.ts), which
 * follows it and, should the <head> script have failed (no choice there), shows no snapshot. The page holds
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

/** The attribute of <html> that holds the <head> script's choice (writeChoice) for the snapshot's. */
export const CHOICE_ATTRIBUTE = 'data-first-screen';

/** A choice as CHOICE_ATTRIBUTE holds it: "skip:why", or the language and " narrow" on a narrow window. */
export const writeChoice = (s: FirstScreen): string =>
  s.skip !== null ? `skip:${s.skip}` : `${s.locale}${s.narrow ? ' narrow' : ''}`;

/** The choice CHOICE_ATTRIBUTE holds, or null without one (the <head> script failed or never ran). */
export function readChoice(value: string | null): FirstScreen | null {
  if (value === null) return null;
  if (value.startsWith('skip:')) return { skip: value.slice(5), locale: 'en', narrow: false };
  const [locale, narrow] = value.split(' ');
  return { skip: null, locale: locale as Locale, narrow: narrow === 'narrow' };
}

/**
 * Runs in <head>: writes the page's choice on <html>, and marks a page whose inline first screen
 * must not be painted.
 */
export function markFirstScreen(): void {
  try {
    const choice = chooseFirstScreen();
    const html = document.documentElement;
    if (!inlineShellShown(choice)) html.setAttribute(SWAP_ATTRIBUTE, '');
    html.setAttribute(CHOICE_ATTRIBUTE, writeChoice(choice));
  } catch {
    // No choice on <html>: the snapshot's script removes the snapshot, the app starts without it.
  }
}
