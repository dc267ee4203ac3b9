/**
 * The one i18n module: every user-facing string is looked up here by key, in English or
 * Simplified Chinese. Catalogues live per area in ./messages and are merged below.
 */
import type { Localized } from '../spec/types';
import { LOCALES, type Locale, type Message } from './define';
import { appMessages } from './messages/app';
import { trainingMessages } from './messages/training';
import { formulaMessages } from './messages/formula';
import { formulaBlockMessages } from './messages/formulaBlocks';
import { formulaBranchMessages } from './messages/formulaBranch';
import { formulaResampleMessages } from './messages/formulaResample';
import { formulaLrnMessages } from './messages/formulaLrn';
import { formulaRecurrentMessages } from './messages/formulaRecurrent';
import { overviewMessages } from './messages/overview';
import { shellMessages } from './messages/shell';
import { articleMessages } from './messages/article';
import { tourMessages } from './messages/tour';
import { editorMessages } from './messages/editor';
import { formatsMessages } from './messages/formats';
import { modelsMessages } from './messages/models';
import { labelsMessages } from './messages/labels';
import { logsMessages } from './messages/logs';
import { attributionMessages } from './messages/attribution';
import { visualiseMessages } from './messages/visualise';
import { preprocessingMessages } from './messages/preprocessing';

export { LOCALES, type Locale };

export const catalog = {
  ...appMessages,
  ...trainingMessages,
  ...formulaMessages,
  ...formulaBlockMessages,
  ...formulaBranchMessages,
  ...formulaResampleMessages,
  ...formulaLrnMessages,
  ...formulaRecurrentMessages,
  ...overviewMessages,
  ...shellMessages,
  ...articleMessages,
  ...tourMessages,
  ...editorMessages,
  ...formatsMessages,
  ...modelsMessages,
  ...labelsMessages,
  ...logsMessages,
  ...attributionMessages,
  ...visualiseMessages,
  ...preprocessingMessages,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof catalog;

export type MessageVars = Record<string, string | number>;

function fill(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const m: Message = catalog[key];
  return fill(locale === 'zh-CN' ? m.zh : m.en, vars);
}

/** Picks the language out of text that pure code (the registry, shape errors) carries. */
export function localize(locale: Locale, text: Localized): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** The first supported language in the browser's preference list, English otherwise. */
export function detectLocale(preferred: readonly string[]): Locale {
  for (const lang of preferred) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}
