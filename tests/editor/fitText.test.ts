import { describe, expect, it } from 'vitest';
import { fitText } from '../../src/lib/editor/fitText';
import { abbreviateType, abbreviateTypeToFit } from '../../src/lib/editor/abbreviateType';
import {
  estimateNodeText,
  nodeLabel,
  NODE_WIDTH,
  type NodeMeasure,
} from '../../src/views/editor/graph/nodeLabels';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { mobilenetV2Spec } from '../../src/lib/zoo/mobilenetV2';

/** A font where every character is 7 px but "W" and "D" are 11 (wide capitals). */
const px = (text: string): number => Array.from(text).reduce((w, c) => w + (/[WD]/.test(c) ? 11 : 7), 0);

describe('fitText', () => {
  it('keeps a text that fits, whole', () => {
    expect(fitText('conv_1', 100, px)).toBe('conv_1');
  });

  it('cuts to the longest start that fits with its ellipsis', () => {
    const cut = fitText('expanded_conv_depthwise', 100, px);
    expect(cut.endsWith('…')).toBe(true);
    expect(px(cut)).toBeLessThanOrEqual(100);
    // One more character would not fit.
    const kept = cut.slice(0, -1);
    expect(px(`${'expanded_conv_depthwise'.slice(0, kept.length + 1)}…`)).toBeGreaterThan(100);
    expect('expanded_conv_depthwise'.startsWith(kept)).toBe(true);
  });

  it('measures wide glyphs as they are, where a character count would overflow', () => {
    // 8 characters, but 3 wide ones: 5 × 7 + 3 × 11 = 68 px.
    expect(fitText('DWConv2D', 60, px)).not.toBe('DWConv2D');
    expect(px(fitText('DWConv2D', 60, px))).toBeLessThanOrEqual(60);
  });

  it('never splits a character made of two code units', () => {
    const cut = fitText('😀😀😀😀😀😀😀😀', 30, px);
    expect(Array.from(cut).every((c) => c === '😀' || c === '…')).toBe(true);
  });

  it('reads a hostile 100 000-character name with a handful of measurements of bounded length', () => {
    let calls = 0;
    let longest = 0;
    const counted = (t: string): number => {
      calls++;
      longest = Math.max(longest, t.length);
      return px(t);
    };
    const cut = fitText('x'.repeat(100_000), 150, counted);
    expect(px(cut)).toBeLessThanOrEqual(150);
    expect(calls).toBeLessThanOrEqual(12);
    expect(longest).toBeLessThanOrEqual(201);
  });

  it('gives an ellipsis alone when not even one character fits', () => {
    expect(fitText('abc', 8, px)).toBe('…');
  });
});

describe('abbreviateTypeToFit', () => {
  it('tries the short forms before an ellipsis, as the character version does', () => {
    const fits = (t: string): boolean => px(t) <= 80;
    expect(abbreviateTypeToFit('DepthwiseConv2D', fits, (t) => fitText(t, 80, px))).toBe('DWConv2D');
    expect(abbreviateType('MaxPooling2D', 9)).toBe('MaxPool2D');
  });
});

describe('graph node labels', () => {
  // MobileNetV2's own layers: long names, wide shapes.
  const spec = mobilenetV2Spec();
  const table = inferShapes(spec);
  const label = (id: string, measure?: NodeMeasure) =>
    nodeLabel(
      spec.layers.find((l) => l.id === id)!,
      table,
      new Set(),
      (t) => t.en,
      (by) => by,
      measure,
    );

  const wide: NodeMeasure = (t) => px(t) * 1.2;
  for (const [name, m] of [
    ['the estimate', estimateNodeText],
    ['a wide font', wide],
  ] as const)
    it(`keeps the name inside the node and the type clear of the shape, by ${name}`, () => {
      const l = label('expanded_conv_depthwise', m);
      expect(l.shapeText).toMatch(/112/);
      // Name from x = 16 to 12 px before the right edge; type from 16, shape ending 12 px before it.
      expect(16 + m(l.name, 'name')).toBeLessThanOrEqual(NODE_WIDTH - 12);
      expect(16 + m(l.typeText, 'type') + 10).toBeLessThanOrEqual(NODE_WIDTH - 12 - m(l.shapeText, 'shape'));
      expect(l.typeText.length).toBeGreaterThan(0);
    });

  it('drops the spaces of a wide shape before it cuts the type', () => {
    const l = label('expanded_conv_depthwise');
    expect(l.shapeText).toBe('112×112×32');
    expect(l.typeText).toBe('DWConv2D');
    // Where the type fits beside it, the shape keeps its spaces.
    expect(label('Conv1').shapeText).toBe('112 × 112 × 32');
  });

  it('leaves a short name and type whole', () => {
    const l = label('Conv1');
    expect(l.name).toBe('Conv1');
    expect(l.typeText).toBe('Conv2D');
  });
});
