/**
 * The flatten view rendered in Node from the seeded net: a flat index and the map cell it
 * comes from, both ways ((r·W + c)·C + k, tfjs' NHWC order), and the classifier's weights
 * over the same cell.
 */
import { describe, expect, it } from 'vitest';
import FlattenView from '../../src/views/detail/flatten/FlattenView.svelte';
import { formatValue } from '../../src/lib/i18n/format';
import { activationOf, VIEW_NET_CLASSES, useViewNet } from '../fixtures/explainedNet';
import { renderView } from './render';
import { attr, byTestId, mathLine, numAttr, numbersOf } from './markup';

const net = useViewNet();

function renderAt(index: number): string {
  return renderView(FlattenView, {
    layerId: 'flatten',
    map: activationOf(net, 'pool'),
    vector: activationOf(net, 'flatten'),
    index,
    spec: net.spec,
    explanation: net.explanation,
    classes: VIEW_NET_CLASSES,
  });
}

describe('FlattenView', () => {
  it('places flat index 13 at row 2, column 0, channel 1 of the 3×3×2 map, with its value', () => {
    const math = byTestId(renderAt(13), 'flatten-math');
    expect(numAttr(math, 'data-index')).toBe(13);
    const pool = activationOf(net, 'pool').data;
    const flat = activationOf(net, 'flatten').data;
    // (r·W + c)·C + k with r = 2, c = 0, k = 1 on W = 3, C = 2.
    expect(numbersOf(math).filter((t) => /\d/.test(t))).toEqual([
      '2',
      '3',
      '0',
      '2',
      '1',
      '13',
      '13',
      '2',
      '0',
      '1',
      formatValue(pool[13] ?? Number.NaN),
    ]);
    expect(numAttr(math, 'data-value')).toBe(pool[(2 * 3 + 0) * 2 + 1]);
    expect(numAttr(math, 'data-vector-value')).toBe(flat[13]);
  });

  it("shows the classifier's weights over the flattened map for its top unit", () => {
    const html = renderAt(0);
    const hidden = activationOf(net, 'hidden').data;
    const top = hidden.indexOf(Math.max(...hidden));
    expect(attr(byTestId(html, 'class-weights'), 'data-unit')).toBe(String(top));
    expect(numAttr(byTestId(html, 'dense-value'), 'data-value')).toBeCloseTo(hidden[top] ?? Number.NaN, 5);
  });

  it('keeps the numbers of its formulas', () => {
    expect(mathLine(renderAt(5))).toMatchInlineSnapshot(
      `"= · + · + = 0 · 3 + 2 · 2 + 1 = 5 5 = 0 2 1 = 0.433 | 2 = = 0 17 2 + 2 = 0.079 + 0.296 = 0.375 | 2 = 2 = 0.358 | 8 8 2 = 1.410 × −0.399 = −0.562 | 2 2 2 = 0.870 × −0.501 = −0.436 | 10 10 2 = 0.764 × 0.555 = 0.424 | 11 11 2 = 0.485 × 0.520 = 0.252"`,
    );
  });
});
