/** When the page may show the prerendered snapshot, and what the build writes into the page's scripts. */
import { describe, expect, it } from 'vitest';
import { readChoice, skipReason, startLocale, writeChoice } from '../../src/prerender/firstScreen';
import { scriptJson } from '../../scripts/lib/vitePrerender';

const ok = { search: '', hash: '' };
const en = { languages: ['en-GB', 'en'], savedLocale: null };

describe('showing the snapshot', () => {
  it('shows it on a plain visit at a desktop width', () => {
    expect(skipReason(ok)).toBeNull();
    expect(skipReason({ ...ok, search: '?backend=wasm' })).toBeNull();
  });

  it('starts in the language the app will pick: the saved choice, else the browser’s', () => {
    expect(startLocale(en)).toBe('en');
    expect(startLocale({ ...en, languages: ['fr', 'en'] })).toBe('en');
    expect(startLocale({ ...en, languages: ['zh-CN', 'en'] })).toBe('zh-CN');
    expect(startLocale({ ...en, languages: ['zh-TW'] })).toBe('zh-CN');
    expect(startLocale({ ...en, savedLocale: 'zh-CN' })).toBe('zh-CN');
    // A saved English choice wins over the browser's Chinese; a saved value we do not know does not.
    expect(startLocale({ languages: ['zh-CN'], savedLocale: 'en' })).toBe('en');
    expect(startLocale({ languages: ['zh-CN'], savedLocale: 'fr' })).toBe('zh-CN');
  });

  it('skips it when the address asks for another net, a share link or a neuron’s detail', () => {
    expect(skipReason({ ...ok, search: '?net=lenet' })).toBe('query');
    expect(skipReason({ ...ok, search: '?detail=conv_1_1:0' })).toBe('query');
    expect(skipReason({ ...ok, hash: '#net=abc' })).toBe('hash');
    expect(skipReason({ ...ok, hash: '#' })).toBeNull();
  });
});

describe('the <head> script’s choice on <html>', () => {
  it('is read back as it was written, whatever the language, width or reason to skip', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      for (const narrow of [false, true]) {
        const choice = { skip: null, locale, narrow };
        expect(readChoice(writeChoice(choice))).toEqual(choice);
      }
    expect(writeChoice({ skip: null, locale: 'zh-CN', narrow: true })).toBe('zh-CN narrow');
    for (const skip of ['query', 'hash', 'no DecompressionStream'])
      expect(readChoice(writeChoice({ skip, locale: 'zh-CN', narrow: true }))?.skip).toBe(skip);
  });

  it('is missing when that script failed: no choice, so no snapshot', () => {
    expect(readChoice(null)).toBeNull();
  });
});

describe('data in the page', () => {
  it('cannot end its script element or open a comment, whatever the strings hold', () => {
    const hostile = { name: '</script><script>alert(1)</script><!-- "q" \\ \n \u2028 \u2029' };
    const text = scriptJson(hostile);
    expect(text).not.toMatch(/<\/script|<!--|\u2028|\u2029/i);
    expect(JSON.parse(text)).toEqual(hostile);
  });
});
