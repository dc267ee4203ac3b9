import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/random';
import {
  spreadAxis,
  stampOrigin,
  stampValues,
  stampsCovering,
  transposedAt,
  transposedKernelIndex,
  transposedParams,
  transposedPlan,
  transposedWeights,
} from '../../src/lib/formula/transposedConv';
import { readHwc } from '../../src/lib/tensor/layout';
import { expectClose, samplePositions } from './helpers';
import { findLayer, useBranchNets } from './branchHelpers';

const nets = useBranchNets(100);

function layerOf(id: string, netIndex: number) {
  const { net, layer, inputs, output } = findLayer(nets, id, netIndex);
  const [input] = inputs;
  if (!input) throw new Error('no input');
  const weights = transposedWeights(net.explanation.weights.get(id));
  const params = transposedParams(layer.params);
  return { input, output, weights, params, plan: transposedPlan(input, weights, params) };
}

const cases: [string, number, string][] = [
  ['deconv', 0, 'same, stride 2, kernel 3, relu'],
  ['deconv_k2s3', 1, 'valid, kernel 2 < stride 3: gaps between stamps'],
  ['deconv_k4s2', 1, 'valid, kernel 4×3 > stride 2×1, softmax, no bias'],
  ['deconv_same_k5', 1, 'same, kernel 5×4, stride 2×3'],
];

describe('transposed convolution at one output value', () => {
  it.each(cases)('%s (%s) matches the engine', (id, netIndex) => {
    const { input, output, weights, params, plan } = layerOf(id, netIndex);
    expect([plan.outputHeight, plan.outputWidth, plan.outputChannels]).toEqual(output.shape);
    let uncovered = 0;
    let overlapped = 0;
    for (const at of samplePositions(output.shape, createRng(id.length * 13), 50)) {
      const result = transposedAt(input, weights, params, at);
      expectClose(
        result.value,
        readHwc(output, at.row, at.col, at.channel),
        `${id} at ${JSON.stringify(at)}`,
      );
      expect(result.channels).toHaveLength(plan.inputChannels);
      const hits = result.channels[0]?.terms.length ?? 0;
      if (hits === 0) uncovered++;
      if (hits > 1) overlapped++;
      // Every hit's stamp really covers the cell with that kernel tap.
      for (const t of result.channels[0]?.terms ?? []) {
        const origin = stampOrigin(plan, t.row, t.col);
        expect([origin.top + t.kernelRow, origin.left + t.kernelCol]).toEqual([at.row, at.col]);
        expect(t.product).toBeCloseTo(t.value * t.weight, 6);
      }
    }
    if (id === 'deconv_k2s3') expect(uncovered).toBeGreaterThan(0);
    else expect(uncovered).toBe(0);
    if (id !== 'deconv_k2s3') expect(overlapped).toBeGreaterThan(0);
  });

  it('the scatter of stamps, added up, is the layer before bias and activation', () => {
    const { input, weights, params, plan } = layerOf('deconv_k4s2', 1);
    const o = 1;
    const canvas = new Float64Array(plan.outputHeight * plan.outputWidth);
    for (let r = 0; r < plan.inputHeight; r++)
      for (let c = 0; c < plan.inputWidth; c++)
        for (let ci = 0; ci < plan.inputChannels; ci++) {
          const stamp = stampValues(input, weights, plan, { row: r, col: c, channel: ci }, o);
          const { top, left } = stampOrigin(plan, r, c);
          stamp.forEach((v, t) => {
            const y = top + Math.floor(t / plan.kernel[1]);
            const x = left + (t % plan.kernel[1]);
            if (y >= 0 && y < plan.outputHeight && x >= 0 && x < plan.outputWidth)
              canvas[y * plan.outputWidth + x] = (canvas[y * plan.outputWidth + x] ?? 0) + v;
          });
        }
    for (const [r, c] of [
      [0, 0],
      [5, 4],
      [plan.outputHeight - 1, plan.outputWidth - 1],
    ] as const) {
      const result = transposedAt(input, weights, params, { row: r, col: c, channel: o });
      expectClose(canvas[r * plan.outputWidth + c] ?? NaN, result.preActivation, `stamps at (${r}, ${c})`);
    }
  });

  it('equals a stride-1 convolution of the zero-spread input with the kernel turned by 180°', () => {
    for (const [id, netIndex] of [
      ['deconv', 0],
      ['deconv_same_k5', 1],
      ['deconv_k2s3', 1],
    ] as const) {
      const { input, output, weights, plan } = layerOf(id, netIndex);
      const [kh, kw] = plan.kernel;
      const rows = spreadAxis(plan.inputHeight, kh, plan.strides[0], plan.padTop, plan.outputHeight);
      const cols = spreadAxis(plan.inputWidth, kw, plan.strides[1], plan.padLeft, plan.outputWidth);
      const o = plan.outputChannels - 1;
      for (const at of samplePositions([plan.outputHeight, plan.outputWidth, 1], createRng(7), 20)) {
        let sum = weights.bias?.data[o] ?? 0;
        for (let t = 0; t < kh; t++)
          for (let u = 0; u < kw; u++) {
            const i = rows[at.row + t];
            const j = cols[at.col + u];
            if (i === null || j === null || i === undefined || j === undefined) continue;
            for (let ci = 0; ci < plan.inputChannels; ci++)
              sum +=
                readHwc(input, i, j, ci) *
                (weights.kernel.data[transposedKernelIndex(plan, kh - 1 - t, kw - 1 - u, o, ci)] ?? 0);
          }
        const expected = readHwc(output, at.row, at.col, o);
        expectClose(
          id === 'deconv' ? Math.max(0, sum) : sum,
          expected,
          `${id} spread conv at ${at.row},${at.col}`,
        );
      }
    }
  });

  it('names the input cells under an output cell', () => {
    const { plan } = layerOf('deconv', 0);
    // Same padding, kernel 3, stride 2: padTop = ⌊(3 − 2) / 2⌋ = 0; output (4, 5) is reached from
    // rows 2 (tap 0) and 1 (tap 2), and from column 2 (tap 1).
    expect([plan.padTop, plan.padLeft]).toEqual([0, 0]);
    expect(stampsCovering(plan, 4, 5)).toEqual([
      { row: 1, col: 2, kernelRow: 2, kernelCol: 1 },
      { row: 2, col: 2, kernelRow: 0, kernelCol: 1 },
    ]);
    expect(() => stampsCovering(plan, plan.outputHeight, 0)).toThrow();
  });
});
