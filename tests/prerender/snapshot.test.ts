/** When the page may show the prerendered snapshot, and what the build writes into the page's scripts. */
import { describe, expect, it } from 'vitest';
import { skipReason } from '../../src/prerender/snapshot';
import { scriptJson } from '../../scripts/lib/vitePrerender';

const ok = { search: '', hash: '', width: 1280, languages: ['en-GB', 'en'], savedLocale: null };

describe('showing the snapshot', () => {
  it('shows it on a plain visit in English at a desktop width', () => {
    expect(skipReason(ok)).toBeNull();
    expect(skipReason({ ...ok, search: '?backend=wasm' })).toBeNull();
    expect(skipReason({ ...ok, languages: ['fr', 'en'] })).toBeNull();
  });

  it('skips it for a reader whose language resolves to Chinese, saved or from the browser', () => {
    expect(skipReason({ ...ok, languages: ['zh-CN', 'en'] })).toBe('language');
    expect(skipReason({ ...ok, languages: ['zh-TW'] })).toBe('language');
    expect(skipReason({ ...ok, savedLocale: 'zh-CN' })).toBe('language');
    // A saved English choice wins over the browser's Chinese.
    expect(skipReason({ ...ok, languages: ['zh-CN'], savedLocale: 'en' })).toBeNull();
  });

  it('skips it when the address asks for another net, a share link or a neuron’s detail', () => {
    expect(skipReason({ ...ok, search: '?net=lenet' })).toBe('query');
    expect(skipReason({ ...ok, search: '?detail=conv_1_1:0' })).toBe('query');
    expect(skipReason({ ...ok, hash: '#net=abc' })).toBe('hash');
    expect(skipReason({ ...ok, hash: '#' })).toBeNull();
  });

  it('skips it on a narrow screen, where the editor is a drawer', () => {
    expect(skipReason({ ...ok, width: 390 })).toBe('narrow');
    expect(skipReason({ ...ok, width: 1023 })).toBe('narrow');
    expect(skipReason({ ...ok, width: 1024 })).toBeNull();
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
