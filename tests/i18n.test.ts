/** The i18n module: complete, consistent catalogues in both languages, and no text that bypasses them. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, detectLocale, isLocale, translate, type MessageKey } from '../src/lib/i18n';
import type { Message } from '../src/lib/i18n/define';
import { checkTranslation, describeMismatch } from '../src/lib/i18n/consistency';
import { LAYER_DEFS } from '../src/lib/layers/registry';
import { findHardCodedText } from './i18nMarkup';
import { localizeClassName } from '../src/lib/i18n/classNames';

const MESSAGES_DIR = 'src/lib/i18n/messages';
const LAYER_NAMES = LAYER_DEFS.map((d) => d.type);

function isMessage(x: unknown): x is Message {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Message).en === 'string' &&
    typeof (x as Message).zh === 'string'
  );
}

/** Every catalogue file's exported message records, by file. */
async function loadCatalogues(): Promise<{ file: string; messages: Record<string, Message> }[]> {
  const out = [];
  for (const file of readdirSync(MESSAGES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const mod = (await import(`../${MESSAGES_DIR}/${file}`)) as Record<string, unknown>;
    for (const value of Object.values(mod))
      if (typeof value === 'object' && value !== null && Object.values(value).every(isMessage))
        out.push({ file, messages: value as Record<string, Message> });
  }
  return out;
}

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : [],
  );
}

describe('message catalogues', () => {
  it('registers every catalogue file in the module, and no key twice', async () => {
    const catalogues = await loadCatalogues();
    expect(catalogues.length).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const { file, messages } of catalogues)
      for (const [key, message] of Object.entries(messages)) {
        const first = seen.get(key);
        if (first) problems.push(`"${key}" is defined in both ${first} and ${file}`);
        seen.set(key, file);
        if ((catalog as Record<string, Message>)[key] !== message)
          problems.push(
            `"${key}" from ${file} is not registered in src/lib/i18n/index.ts (or is overridden)`,
          );
      }
    expect(problems).toEqual([]);
    expect(seen.size).toBe(Object.keys(catalog).length);
  });

  it('has every message in both languages with the same placeholders, numbers and layer names', () => {
    const problems = Object.entries(catalog as Record<string, Message>).flatMap(([key, m]) =>
      checkTranslation(m.en, m.zh, { same: m.same, names: LAYER_NAMES }).map((x) => describeMismatch(key, x)),
    );
    expect(problems).toEqual([]);
  });

  it('catches the mistakes it is meant to catch', () => {
    expect(checkTranslation('Layer {name}', '层 {nmae}').map((m) => m.what)).toEqual(['placeholders']);
    expect(checkTranslation('Stride 2', '步长 3').map((m) => m.what)).toEqual(['numbers']);
    expect(checkTranslation('Loading…', 'Loading…').map((m) => m.what)).toEqual(['untranslated']);
    expect(checkTranslation('Open the editor', 'Open the editor').map((m) => m.what)).toEqual([
      'untranslated',
    ]);
    expect(
      checkTranslation('A Conv2D layer', '一个卷积层', { names: LAYER_NAMES }).map((m) => m.what),
    ).toEqual(['names']);
    expect(checkTranslation('CNN Studio', 'CNN Studio', { same: true })).toEqual([]);
    expect(checkTranslation('', '空').map((m) => m.what)).toEqual(['empty']);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const key: MessageKey = 'app.backend';
    expect(translate('en', key, { name: 'wasm' })).toBe('Backend: wasm');
    expect(translate('zh-CN', key, { name: 'wasm' })).toBe('计算后端：wasm');
    expect(translate('en', key)).toBe('Backend: {name}');
  });

  it('follows the browser on a first visit, English when nothing matches', () => {
    expect(detectLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLocale(['de'])).toBe('en');
    expect(detectLocale([])).toBe('en');
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('zh')).toBe(false);
  });
});

describe('views', () => {
  it('scanner finds text and labels outside {expressions}', () => {
    const found = findHardCodedText(
      `<script>const a = 'x';</script>\n<p>{i18n.t('a')}</p>\n<button aria-label="Close">×</button>\n<span>pixels {n}</span><i>px</i>\n<!-- note -->\n<div title={t('b')}>&nbsp;{x}</div>\n<math><msub><mi>s</mi><mi>in</mi></msub></math><span>b = {v}</span><p>层</p>`,
    );
    expect(found.map((f) => f.text)).toEqual(['aria-label="Close"', 'pixels', '层']);
    expect(found.map((f) => f.line)).toEqual([3, 4, 7]);
  });

  it('have no hard-coded user-visible text: everything goes through i18n', () => {
    const files = [...svelteFiles('src/views'), 'src/App.svelte'];
    expect(files.length).toBeGreaterThan(3);
    const problems = files.flatMap((file) =>
      findHardCodedText(readFileSync(file, 'utf8')).map((f) => `${file}:${f.line}: ${f.text}`),
    );
    expect(problems).toEqual([]);
  });
});

describe('class names', () => {
  it('shows the pretrained model’s CIFAR-10 labels in Chinese and leaves unknown labels as they are', () => {
    const meta = JSON.parse(readFileSync('models/tinyvgg-cifar10/meta.json', 'utf8')) as {
      classes: string[];
    };
    const zh = meta.classes.map((c) => localizeClassName(c, 'zh-CN'));
    expect(zh).toEqual(['飞机', '汽车', '鸟', '猫', '鹿', '狗', '青蛙', '马', '船', '卡车']);
    expect(meta.classes.map((c) => localizeClassName(c, 'en'))).toEqual(meta.classes);
    expect(localizeClassName('thumbs up', 'zh-CN')).toBe('thumbs up');
  });
});
