/** The current language as reactive state; components translate through `i18n.t`. */
import {
  detectLocale,
  isLocale,
  localize,
  translate,
  type Locale,
  type MessageKey,
  type MessageVars,
} from '../../lib/i18n';
import type { Localized } from '../../lib/spec/types';
import { localizeClassName } from '../../lib/i18n/classNames';
import { netTitle } from '../../lib/zoo/netTitles';

const STORAGE_KEY = 'cnn-studio.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be blocked (private mode, file://); fall back to the browser's language.
  }
  return detectLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
}

export class I18n {
  locale = $state<Locale>(initialLocale());

  t = (key: MessageKey, vars?: MessageVars): string => translate(this.locale, key, vars);

  /** Text that pure code carries in both languages (registry help, shape errors). */
  l = (text: Localized): string => localize(this.locale, text);
  /** A model's class label as shown to the reader (well-known labels are translated). */
  className = (name: string): string => localizeClassName(name, this.locale);
  /** Output `i`'s name: the model's own (`names`, well-known ones translated), else "class i". */
  classLabel = (names: readonly string[], i: number): string => {
    const name = names[i];
    return name !== undefined ? this.className(name) : this.t('labels.fallback', { n: i });
  };

  /** A network's name as shown: a zoo net named with a phrase ("LSTM text classifier") is translated. */
  netName = (name: string): string => this.l(netTitle(name));

  setLocale(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not fatal: the choice just won't survive a reload.
    }
  }
}
