/**
 * The dense and softmax views rendered in Node from the seeded net: a unit's weighted sum,
 * its activation, the classifier's logits, exponentials and probabilities, each equal to a
 * sum written out here and to what tfjs computed.
 */
import { describe, expect, it } from 'vitest';
import DenseView from '../../src/views/detail/dense/DenseView.svelte';
import SoftmaxView from '../../src/views/detail/dense/SoftmaxView.svelte';
import { formatPercent, formatValue } from '../../src/lib/i18n/format';
import type { LayerSpec } from '../../src/lib/spec/types';
import type { TensorData } from '../../src/lib/tensor/types';
import { activationOf, VIEW_NET_CLASSES, useViewNet } from '../fixtures/explainedNet';
import { renderView } from './render';
import { allByTestId, attr, byTestId, mathLine, mathNumbers, numAttr, numbersOf, textOf } from './markup';

const net = useViewNet();

function layer(id: string): LayerSpec {
  const found = net.spec.layers.find((l) => l.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found;
}

function weight(id: string, name: string): TensorData {
  const found = net.explanation.weights.get(id)?.find((w) => w.name === name)?.value;
  if (!found) throw new Error(`no ${id}/${name}`);
  return found;
}

/** Σᵢ xᵢ·K[i, unit] + b[unit], summed here from the raw arrays. */
function logitOf(id: string, inputId: string, unit: number): number {
  const x = activationOf(net, inputId).data;
  const kernel = weight(id, 'kernel');
  const units = kernel.shape[1] ?? 0;
  let sum = weight(id, 'bias').data[unit] ?? 0;
  x.forEach((v, i) => (sum += v * (kernel.data[i * units + unit] ?? 0)));
  return sum;
}

function renderDense(id: string, unit: number, isLast: boolean): string {
  return renderView(DenseView, {
    layer: layer(id),
    spec: net.spec,
    explanation: net.explanation,
    classes: VIEW_NET_CLASSES,
    isLast,
    unit,
  });
}

describe('DenseView (tanh hidden layer)', () => {
  it("writes the unit's weighted sum and tanh of it, tfjs' output", () => {
    const html = renderDense('hidden', 2, false);
    expect(attr(byTestId(html, 'class-weights'), 'data-unit')).toBe('2');
    const logit = byTestId(html, 'dense-logit');
    expect(numAttr(logit, 'data-value')).toBeCloseTo(logitOf('hidden', 'flatten', 2), 5);
    expect(textOf(logit)).toBe(formatValue(numAttr(logit, 'data-value')));
    const value = byTestId(html, 'dense-value');
    const engine = activationOf(net, 'hidden').data[2] ?? Number.NaN;
    expect(numAttr(value, 'data-value')).toBeCloseTo(Math.tanh(logitOf('hidden', 'flatten', 2)), 6);
    expect(numAttr(value, 'data-value')).toBeCloseTo(engine, 5);
    expect(numAttr(value, 'data-engine-value')).toBe(engine);
    // z = Σ v w + b = sum ± |b| = z: the shown sum and bias add up to the shown logit.
    const shown = numbersOf(byTestId(html, 'dense-math'));
    const [, sum, sign, bias, , z] = shown.slice(-6);
    const b = weight('hidden', 'bias').data[2] ?? Number.NaN;
    expect(sum).toBe(formatValue(logitOf('hidden', 'flatten', 2) - b));
    expect(sign).toBe(b < 0 ? '−' : '+');
    expect(bias).toBe(formatValue(Math.abs(b)));
    expect(z).toBe(textOf(logit));
    expect(mathLine(byTestId(html, 'class-weights'))).toMatchInlineSnapshot(
      `"2 = = 0 17 2 + 2 = 0.079 + 0.296 = 0.375 | 2 = 2 = 0.358 | 8 8 2 = 1.410 × −0.399 = −0.562 | 2 2 2 = 0.870 × −0.501 = −0.436 | 10 10 2 = 0.764 × 0.555 = 0.424 | 11 11 2 = 0.485 × 0.520 = 0.252"`,
    );
  });

  it('lists the largest terms as v × w = product, largest first', () => {
    const html = renderDense('hidden', 0, false);
    const x = activationOf(net, 'flatten').data;
    const kernel = weight('hidden', 'kernel');
    const products = Array.from(x, (v, i) => ({ i, p: v * (kernel.data[i * 3] ?? 0) })).sort(
      (a, b) => Math.abs(b.p) - Math.abs(a.p),
    );
    // Each listed term: v_i w_{i,0} = v × w = p (the first <math> groups are the formulas above).
    const terms = mathNumbers(byTestId(html, 'class-weights')).slice(-4);
    expect(terms.map((t) => Number(t[0]))).toEqual(products.slice(0, 4).map((p) => p.i));
    for (const [n, t] of terms.entries()) expect(t.at(-1)).toBe(formatValue(products[n]?.p ?? Number.NaN));
  });
});

describe('DenseView (linear layer after a dense one)', () => {
  it('shows the weighted sum over the input vector, read as one row, without an activation', () => {
    const out = layer('out');
    const html = renderView(DenseView, {
      layer: { ...out, params: { ...out.params, activation: 'linear' } },
      spec: net.spec,
      explanation: net.explanation,
      classes: VIEW_NET_CLASSES,
      isLast: true,
      unit: 2,
    });
    expect(allByTestId(html, 'tab-softmax')).toHaveLength(0);
    expect(attr(byTestId(html, 'class-weights'), 'data-unit')).toBe('2');
    expect(numAttr(byTestId(html, 'dense-logit'), 'data-value')).toBeCloseTo(logitOf('out', 'hidden', 2), 5);
    expect(allByTestId(html, 'dense-value')).toHaveLength(0);
    // Σ over the 3 inputs of the hidden layer: indices 0…2.
    expect(mathNumbers(byTestId(html, 'dense-math'))[0]?.slice(0, 6)).toEqual(['2', '=', '=', '0', '2', '2']);
  });
});

describe('DenseView (softmax classifier)', () => {
  it('writes the logits, their exponentials and the probabilities, equal to tfjs', () => {
    const html = renderDense('out', 1, true);
    const logits = [0, 1, 2].map((k) => logitOf('out', 'hidden', k));
    const m = Math.max(...logits);
    const exps = logits.map((z) => Math.exp(z - m));
    const sum = exps.reduce((a, b) => a + b, 0);
    const engine = activationOf(net, 'out').data;
    const rows = allByTestId(html, 'softmax-row');
    expect(rows).toHaveLength(3);
    for (const [k, row] of rows.entries()) {
      expect(numAttr(row, 'data-probability')).toBeCloseTo((exps[k] ?? 0) / sum, 6);
      expect(numAttr(row, 'data-engine-probability')).toBe(engine[k]);
      expect(numAttr(row, 'data-probability')).toBeCloseTo(engine[k] ?? Number.NaN, 5);
      // class name, logit, z/T, exp, probability
      expect(textOf(row)).toContain(VIEW_NET_CLASSES[k]);
      expect(numbersOf(row)).toEqual([
        formatValue(logits[k] ?? 0),
        formatValue(logits[k] ?? 0),
        formatValue(exps[k] ?? 0),
        formatPercent((exps[k] ?? 0) / sum),
      ]);
    }
    expect(numAttr(byTestId(html, 'softmax-sum'), 'data-value')).toBeCloseTo(sum, 6);
    const p = byTestId(html, 'softmax-p');
    expect(numAttr(p, 'data-value')).toBeCloseTo((exps[1] ?? 0) / sum, 6);
    expect(textOf(p)).toBe(formatValue((exps[1] ?? 0) / sum));
    expect(mathLine(byTestId(html, 'softmax-formula'))).toMatchInlineSnapshot(
      `"1 = 1 / − / − = 1.000 2.935 = 0.341 = 34.1% | / − = | 0.959 | + 1.000 | + 0.976 | = 2.935 | = / = −0.066"`,
    );
  });
});

describe('SoftmaxView', () => {
  it('turns logits 2, 1, −1 into e^0, e^−1, e^−3 over their sum', () => {
    const html = renderView(SoftmaxView, {
      logits: [2, 1, -1],
      engine: undefined,
      names: ['a', 'b', 'c'],
      initial: 2,
    });
    const sum = 1 + Math.exp(-1) + Math.exp(-3);
    expect(numAttr(byTestId(html, 'softmax-sum'), 'data-value')).toBeCloseTo(sum, 12);
    expect(numAttr(byTestId(html, 'softmax-p'), 'data-value')).toBeCloseTo(Math.exp(-3) / sum, 12);
    expect(attr(byTestId(html, 'softmax-formula'), 'data-class')).toBe('2');
    expect(attr(byTestId(html, 'softmax-view'), 'data-temperature')).toBe('1');
    expect(mathLine(byTestId(html, 'softmax-formula'))).toMatchInlineSnapshot(
      `"2 = 2 / − / − = 0.050 1.418 = 0.035 = 3.5% | / − = | 1.000 | + 0.368 | + 0.050 | = 1.418 | = / = 2.000"`,
    );
  });
});
