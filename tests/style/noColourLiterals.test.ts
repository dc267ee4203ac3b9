/**
 * Colours live in src/app.css (as custom properties) and src/lib/theme.ts (for canvas, scales
 * and stand-alone SVG): a component that writes a hex or rgb() colour of its own fails here.
 * Use `var(--token)`, `color-mix(in srgb, var(--token) N%, transparent)` for a translucent one,
 * or import `colour` from src/lib/theme.ts in script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const HEX = /(?<![\w&])#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})\b/gi;
const RGB = /\b(?:rgba?|hsla?)\(/gi;

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path, ext);
    return e.name.endsWith(ext) ? [path] : [];
  });
}

/** `file:line: text` for each colour literal in the file. */
function literals(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      [...line.matchAll(HEX), ...line.matchAll(RGB)].map(
        (m) => `${path}:${i + 1}: ${m[0]} in ${line.trim()}`,
      ),
    );
}

describe('colour literals', () => {
  it('no component writes a colour of its own', () => {
    expect(files('src', '.svelte').flatMap(literals)).toEqual([]);
  });

  it('view modules take their colours from the theme too', () => {
    expect(files('src/views', '.ts').flatMap(literals)).toEqual([]);
  });

  it('catches the literals it is meant to', () => {
    const probe = /#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})\b/i;
    expect(probe.test('color: #fff;')).toBe(true);
    expect('box-shadow: 0 0 2px rgba(0, 0, 0, 0.2);'.match(RGB)).not.toBeNull();
    expect('{#each items as item}'.match(HEX)).toBeNull();
  });
});
