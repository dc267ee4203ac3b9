/**
 * The catalogues the first screen does not use load on demand: before `loadDeferredMessages`
 * a key of theirs is an error that names it (never an empty string or the key as text), after
 * it every catalogue is there, and the first screen's own keys never wait.
 */
import { describe, expect, it, vi } from 'vitest';

type I18nModule = typeof import('../src/lib/i18n');

/** The i18n module as a fresh page has it (the test setup has loaded everything in the shared one). */
async function freshModule(): Promise<I18nModule> {
  vi.resetModules();
  return import('../src/lib/i18n');
}

describe('deferred message catalogues', () => {
  it('refuses a formula key before they load, naming it, and has it after', async () => {
    const i18n = await freshModule();
    expect(() => i18n.translate('en', 'formula.noImage')).toThrow(/"formula\.noImage".*loadDeferredMessages/);
    expect(() => i18n.translate('zh-CN', 'training.title')).toThrow(/training\.title/);
    await i18n.loadDeferredMessages();
    expect(i18n.translate('en', 'formula.noImage').length).toBeGreaterThan(0);
    expect(i18n.translate('zh-CN', 'formula.noImage')).toMatch(/\p{Script=Han}/u);
  });

  it('answers the first screen’s keys (overview, header, the “Why?” button) without loading anything', async () => {
    const i18n = await freshModule();
    expect(i18n.translate('en', 'attribution.why')).toBe('Why?');
    expect(i18n.translate('zh-CN', 'attribution.why')).toBe('为什么？');
    expect(i18n.translate('en', 'editor.title').length).toBeGreaterThan(0);
    expect(Object.keys(i18n.catalog).some((k) => k.startsWith('formula.'))).toBe(false);
  });

  it('loads them once, however many panels ask', async () => {
    const i18n = await freshModule();
    const first = i18n.loadDeferredMessages();
    expect(i18n.loadDeferredMessages()).toBe(first);
    await first;
    expect(Object.keys(i18n.catalog).some((k) => k.startsWith('training.'))).toBe(true);
  });
});
