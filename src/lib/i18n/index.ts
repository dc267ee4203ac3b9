/**
 * The one i18n module: every user-facing string is looked up here by key, in English or
 * Simplified Chinese. Catalogues live per area in ./messages and are merged below.
 */
import type { Localized } from '../spec/types';
import { LOCALES, type Locale, type Message } from './define';
import { appMessages } from './messages/app';
import { overviewMessages } from './messages/overview';
import { shellMessages } from './messages/shell';
import { articleMessages } from './messages/article';
import { tourMessages } from './messages/tour';
import { formatsMessages } from './messages/formats';
import { modelsMessages } from './messages/models';
import { labelsMessages } from './messages/labels';
import { firstScreenMessages } from './messages/firstScreen';
import { preprocessingMessages } from './messages/preprocessing';
import type { deferredMessages } from './deferredMessages';

export { LOCALES, type Locale };

/** What the page's first screen (header, input, overview, tour) may say, in its first script. */
const firstMessages = {
  ...appMessages,
  ...overviewMessages,
  ...shellMessages,
  ...articleMessages,
  ...tourMessages,
  ...formatsMessages,
  ...modelsMessages,
  ...labelsMessages,
  ...firstScreenMessages,
  ...preprocessingMessages,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof firstMessages | keyof typeof deferredMessages;

/** Every message loaded so far: the first screen's, then the rest once `loadDeferredMessages` has run. */
export const catalog: Partial<Record<MessageKey, Message>> = { ...firstMessages };

let deferredLoad: Promise<void> | null = null;

/** Loads the other catalogues (src/lib/i18n/deferredMessages.ts) once; the panels wait for it. */
export function loadDeferredMessages(): Promise<void> {
  deferredLoad ??= import('./deferredMessages').then(
    (m) => void Object.assign(catalog, m.deferredMessages),
    (e: unknown) => {
      // A failed download may succeed on the next try (the panels' own retry asks again).
      deferredLoad = null;
      throw e;
    },
  );
  return deferredLoad;
}

export type MessageVars = Record<string, string | number>;

function fill(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const m = catalog[key];
  // Only a view shown before the panels (which wait for these) could get here: a bug to see.
  if (!m) throw new Error(`message "${key}" asked for before its catalogue loaded (loadDeferredMessages)`);
  return fill(locale === 'zh-CN' ? m.zh : m.en, vars);
}

/** Picks the language out of text that pure code (the registry, shape errors) carries. */
export function localize(locale: Locale, text: Localized): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

export { detectLocale } from './detect';

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}
