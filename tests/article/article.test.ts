/** The article's content: complete in both languages, formulas that parse, links that lead somewhere. */
import { describe, expect, it } from 'vitest';
import { ARTICLE, firstLayerFor, getSection, sectionForLayer, type Block } from '../../src/lib/article';
import { parseInline, plainText } from '../../src/lib/article/inline';
import { mathText, texToMathml } from '../../src/lib/article/tex';
import { checkTranslation, describeMismatch } from '../../src/lib/i18n/consistency';
import { isActivationFunctionName, normalizeActivationName } from '../../src/lib/tensor/activations';
import { LAYER_DEFS } from '../../src/lib/layers/registry';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import type { Localized } from '../../src/lib/spec/types';

const NAMES = LAYER_DEFS.map((d) => d.type);

function texts(block: Block): Localized[] {
  switch (block.kind) {
    case 'p':
    case 'h3':
    case 'note':
      return [block.text];
    case 'list':
      return block.items;
    case 'math':
      return block.caption ? [block.caption] : [];
    case 'activationPlots':
      return [];
  }
}

const all = ARTICLE.flatMap((s) => [
  { where: `${s.id}.title`, text: s.title, heading: true },
  ...s.blocks.flatMap((b, i) =>
    texts(b).map((text) => ({ where: `${s.id}[${i}] ${b.kind}`, text, heading: b.kind === 'h3' })),
  ),
]);

describe('article content', () => {
  it('covers the topics the course needs, each once', () => {
    const ids = ARTICLE.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'cnn',
      'tensors',
      'convolution',
      'hyperparameters',
      'activations',
      'pooling',
      'dense',
      'training',
      'saliency',
      'grad-cam',
      'occlusion',
      'adversarial',
      'visualisation',
      'architectures',
      'mobilenet',
      'recurrent',
    ])
      expect(ids).toContain(id);
  });

  it('says the same in both languages: numbers, names, code and formulas agree, Chinese is Chinese', () => {
    const problems = all.flatMap(({ where, text, heading }) =>
      // Headings may be names alone (“VGG (2014)”), so they need not contain Chinese.
      checkTranslation(text.en, text.zh, { names: NAMES, same: heading }).map((m) =>
        describeMismatch(where, m),
      ),
    );
    expect(problems).toEqual([]);
    // Word order differs between the languages, so formulas are compared as sorted lists.
    const formulas = (s: string): string[] =>
      parseInline(s)
        .flatMap((t) => (t.kind === 'math' ? [t.tex] : []))
        .sort();
    for (const { where, text } of all) expect(formulas(text.zh), where).toEqual(formulas(text.en));
  });

  it('has formulas that all typeset, display and inline', () => {
    const display = ARTICLE.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'math' ? [b.tex] : [])));
    const inline = all.flatMap(({ text }) =>
      parseInline(text.en).flatMap((t) => (t.kind === 'math' ? [t.tex] : [])),
    );
    expect(display.length).toBeGreaterThan(10);
    for (const tex of [...display, ...inline]) expect(() => texToMathml(tex), tex).not.toThrow();
  });

  it('states MobileNet’s cost formulas', () => {
    const mobile = getSection('mobilenet');
    const maths =
      mobile?.blocks.flatMap((b) => (b.kind === 'math' ? [mathText(texToMathml(b.tex))] : [])) ?? [];
    expect(maths).toContain('DK·DK·M·N·DF·DF');
    expect(maths).toContain('DK·DK·M·DF·DF+M·N·DF·DF');
  });

  it('links only to sections that exist, and plots only real activation functions', () => {
    for (const { where, text } of all)
      for (const lang of [text.en, text.zh])
        for (const t of parseInline(lang))
          if (t.kind === 'link') expect(getSection(t.section), `${where} → #${t.section}`).toBeDefined();
    const plotted = ARTICLE.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'activationPlots' ? b.functions : [])),
    );
    expect(plotted).toContain('relu');
    for (const f of plotted) expect(isActivationFunctionName(normalizeActivationName(f)), f).toBe(true);
    for (const s of ARTICLE)
      for (const m of s.showMe ?? [])
        if (m.kind === 'layer' && m.of) expect(getSection(m.of), `${s.id} show me`).toBeDefined();
  });
});

describe('article and network', () => {
  it('has a section for every layer type in the registry', () => {
    const orphans = LAYER_DEFS.filter((d) => !sectionForLayer(d)).map((d) => `${d.type} (${d.category})`);
    expect(orphans).toEqual([]);
  });

  it('sends each layer to the section that explains it, by type before category', () => {
    expect(sectionForLayer('Conv2D')?.id).toBe('convolution');
    expect(sectionForLayer('MaxPooling2D')?.id).toBe('pooling');
    expect(sectionForLayer('Dense')?.id).toBe('dense');
    expect(sectionForLayer('Flatten')?.id).toBe('dense');
    expect(sectionForLayer('Dropout')?.id).toBe('training');
    expect(sectionForLayer('Activation')?.id).toBe('activations');
    expect(sectionForLayer('DepthwiseConv2D')?.id).toBe('mobilenet');
    // A type no section names falls back to its registry category.
    expect(sectionForLayer({ type: 'FancyConv9D', category: 'Vision' })?.id).toBe('convolution');
    expect(sectionForLayer({ type: 'Mystery', category: 'Recurrent' })?.id).toBe('recurrent');
    expect(sectionForLayer('NoSuchLayer')).toBeUndefined();
  });

  it('finds the first layer a section explains in any spec', () => {
    const spec = tinyVggSpec();
    const conv = firstLayerFor(spec, 'convolution');
    expect(conv?.type).toBe('Conv2D');
    expect(spec.layers.findIndex((l) => l.type === 'Conv2D')).toBe(spec.layers.indexOf(conv!));
    expect(firstLayerFor(spec, 'pooling')?.type).toMatch(/Pooling/);
    expect(firstLayerFor(spec, 'recurrent')).toBeUndefined();
    const renamed = { ...spec, layers: spec.layers.map((l, i) => ({ ...l, id: `layer${i}` })) };
    expect(firstLayerFor(renamed, 'activations')?.id).toBe(
      `layer${spec.layers.findIndex((l) => l.type === 'Activation')}`,
    );
  });
});

describe('inline markup', () => {
  it('splits strong, emphasis, code, math and section links', () => {
    expect(parseInline('A **kernel** is *small*: `Conv2D`, $3 \\times 3$, see [pooling](#pooling).')).toEqual(
      [
        { kind: 'text', text: 'A ' },
        { kind: 'strong', text: 'kernel' },
        { kind: 'text', text: ' is ' },
        { kind: 'em', text: 'small' },
        { kind: 'text', text: ': ' },
        { kind: 'code', text: 'Conv2D' },
        { kind: 'text', text: ', ' },
        { kind: 'math', tex: '3 \\times 3' },
        { kind: 'text', text: ', see ' },
        { kind: 'link', text: 'pooling', section: 'pooling' },
        { kind: 'text', text: '.' },
      ],
    );
    expect(plainText('**a** b')).toBe('a b');
  });
});
