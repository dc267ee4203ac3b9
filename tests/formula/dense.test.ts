import { describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import {
  cellOfFlatIndex,
  classWeightMap,
  denseLogits,
  denseUnitTerms,
  flatIndexOf,
} from '../../src/lib/formula/dense';
import { softmax, softmaxTerms } from '../../src/lib/formula/softmax';
import { findWeight, readHwc } from '../../src/lib/tensor/layout';
import { activationOf, expectClose, type ExplainedNet, useFormulaNets } from './helpers';

const nets = useFormulaNets(30);

function classifier(net: ExplainedNet) {
  const flattenLayer = net.spec.layers.find((l) => l.type === 'Flatten');
  const denseLayer = net.spec.layers.find((l) => l.type === 'Dense');
  if (!flattenLayer || !denseLayer) throw new Error(net.spec.name);
  const weights = net.explanation.weights.get(denseLayer.id);
  const kernel = findWeight(weights, 'kernel');
  if (!kernel) throw new Error('no dense kernel');
  return {
    lastBlock: activationOf(net, flattenLayer.inputs[0] ?? ''),
    flat: activationOf(net, flattenLayer.id),
    kernel,
    bias: findWeight(weights, 'bias'),
  };
}

describe('flatten and dense', () => {
  it.each([0, 1, 2])('net %i: flatten index mapping matches the engine flatten', (n) => {
    const net = nets[n];
    if (!net) throw new Error(String(n));
    const { lastBlock, flat } = classifier(net);
    expect(flat.data.length).toBe(lastBlock.data.length);
    flat.data.forEach((v, i) => {
      const cell = cellOfFlatIndex(lastBlock.shape, i);
      expect(readHwc(lastBlock, cell.row, cell.col, cell.channel)).toBe(v);
      expect(flatIndexOf(lastBlock.shape, cell)).toBe(i);
    });
    const [h = 0, w = 0, c = 0] = lastBlock.shape;
    expect(flatIndexOf(lastBlock.shape, { row: h - 1, col: 1, channel: c - 1 })).toBe(
      ((h - 1) * w + 1) * c + c - 1,
    );
    expect(() => flatIndexOf(lastBlock.shape, { row: h, col: 0, channel: 0 })).toThrow(RangeError);
  });

  it.each([0, 1, 2])('net %i: logits and softmax reproduce the engine probabilities', (n) => {
    const net = nets[n];
    if (!net) throw new Error(String(n));
    const { lastBlock, flat, kernel, bias } = classifier(net);
    const logits = denseLogits(flat, kernel, bias);
    const terms = softmaxTerms(logits);
    terms.probabilities.forEach((p, k) =>
      expectClose(p, net.explanation.probabilities[k] ?? NaN, `class ${k}`, 1e-5),
    );
    logits.forEach((logit, k) => {
      const unit = denseUnitTerms(flat, kernel, bias, k);
      expectClose(unit.logit, logit, `unit ${k}`);
      const map = classWeightMap(kernel, k, lastBlock.shape);
      expect(map.shape).toEqual(lastBlock.shape);
      // The class map, laid over the last conv block, gives the same weighted sum cell by cell.
      const overMap = map.data.reduce((sum, weight, i) => sum + weight * (lastBlock.data[i] ?? 0), 0);
      expectClose(overMap + unit.bias, logit, `class map ${k}`);
      expect(map.data[5]).toBe(kernel.data[5 * logits.length + k]);
    });
  });
});

describe('softmax terms', () => {
  it('matches tf.softmax at several temperatures', () => {
    const logits = [2.5, -1, 0.3, 7, 7, -20];
    for (const temperature of [0.1, 0.5, 1, 2, 10]) {
      const reference = tf.tidy(() => tf.softmax(tf.div(tf.tensor1d(logits), temperature)).dataSync());
      const terms = softmaxTerms(logits, temperature);
      terms.probabilities.forEach((p, i) =>
        expectClose(p, reference[i] ?? NaN, `T=${temperature} [${i}]`, 1e-6),
      );
      expect(terms.max).toBe(7 / temperature);
      expect(Math.max(...terms.exps)).toBe(1);
      expectClose(
        terms.sum,
        terms.exps.reduce((a, b) => a + b, 0),
        'sum',
      );
      expectClose(
        terms.probabilities.reduce((a, b) => a + b, 0),
        1,
        'total probability',
        1e-12,
      );
    }
  });

  it('stays finite for huge logits and handles infinities', () => {
    const big = softmaxTerms([1000, 1001, -1000]);
    expect(big.probabilities.every(Number.isFinite)).toBe(true);
    expectClose(big.probabilities[1] ?? NaN, 1 / (1 + Math.exp(-1)), 'p(1001)', 1e-12);
    expect(softmax([Infinity, 0, Infinity])).toEqual([0.5, 0, 0.5]);
    expect(softmax([-Infinity, -Infinity])).toEqual([0.5, 0.5]);
    expect(() => softmaxTerms([1, 2], 0)).toThrow(RangeError);
    expect(() => softmaxTerms([])).toThrow(RangeError);
  });
});
