/**
 * No style rule asks `:has()` of the whole page (`html`, `:root` or `body`): Chromium then
 * re-checks the rule on every DOM change anywhere, searching the page, at the next style update.
 * `body:has(#prerender)` did so on every frame that changed the DOM (~1.5 ms of style on
 * ResNet-18's page); the snapshot brings its own <style> instead (src/prerender/snapshotStyle.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_RULES, SNAPSHOT_STYLE_ID } from '../../src/prerender/snapshotStyle';

const PAGE_WIDE_HAS = /(?<![\w-])(?:html|body|:root)(?:[.#[][^\s{,]*)?:has\(/g;

function files(dir: string, exts: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path, exts);
    return exts.some((x) => e.name.endsWith(x)) ? [path] : [];
  });
}

/** `file:line: text` for each page-wide :has() in the file, outside comments. */
function pageWide(path: string): string[] {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .split('\n')
    .flatMap((line, i) => [...line.matchAll(PAGE_WIDE_HAS)].map(() => `${path}:${i + 1}: ${line.trim()}`));
}

describe('page-wide :has()', () => {
  it('finds one where it is written', () => {
    const seen = (css: string) => [...css.matchAll(PAGE_WIDE_HAS)].length;
    expect(seen('body:has(#prerender) #boot {')).toBe(1);
    expect(seen(':global(body:has(dialog[open])) {')).toBe(1);
    expect(seen('html.dark:has(.x) a {')).toBe(1);
    expect(seen(':root:has(.menu) {')).toBe(1);
    // A component's own :has() stays local.
    expect(seen('label:has(input:focus-visible) {')).toBe(0);
    expect(seen('.tabs label:has(input) {')).toBe(0);
    expect(seen('.tbody:has(x) {')).toBe(0);
  });

  it('no stylesheet, component or build plugin writes one', () => {
    const sources = [...files('src', ['.css', '.svelte']), 'index.html', 'scripts/lib/vitePrerender.ts'];
    expect(sources.flatMap(pageWide)).toEqual([]);
  });

  it('the snapshot brings its own rules, in a <style> the page takes out with it', () => {
    expect(SNAPSHOT_RULES).toContain('#boot{display:none}');
    // The id tests/e2e/prerender.test.ts checks is gone once the app takes over.
    expect(SNAPSHOT_STYLE_ID).toBe('snapshot-style');
    const plugin = readFileSync('scripts/lib/vitePrerender.ts', 'utf8');
    expect(plugin).toContain('<style id="${SNAPSHOT_STYLE_ID}">${SNAPSHOT_RULES}</style>');
  });
});
