/**
 * The views of modern blocks rendered in Node from the modern-blocks net run by tfjs (random
 * weights, random batch-norm statistics): the numbers they write out are the layer's own
 * and the engine's. The grouped convolution, which tfjs cannot run, is rendered from our
 * forward (checked against tfjs ops in tests/formula/groupedConv.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import FormulaBody from '../../src/views/detail/FormulaBody.svelte';
import GroupedConvView from '../../src/views/detail/grouped/GroupedConvView.svelte';
import { resolveNeuron } from '../../src/views/detail/resolveNeuron';
import { ExplainerState } from '../../src/app/state/explainerState.svelte';
import { groupedConvLayer } from '../../src/lib/formula/groupedConv';
import { convParams } from '../../src/lib/formula/convolution';
import { createRng } from '../../src/lib/random';
import { readHwc } from '../../src/lib/tensor/layout';
import type { TensorData } from '../../src/lib/tensor/types';
import { disposeNets, explainNet, type ExplainedNet } from '../formula/helpers';
import { modernNetSpec } from '../fixtures/modernNet';
import { renderView } from './render';
import { allByTestId, attr, byTestId, numAttr, textOf } from './markup';

let net: ExplainedNet;
beforeAll(async () => {
  net = await explainNet(modernNetSpec(), 61);
});
afterAll(() => disposeNets([net]));

function body(layerId: string, channel: number): string {
  const resolved = resolveNeuron(net.spec, net.explanation, { layerId, channel });
  if (!resolved.ok) throw new Error(resolved.reason);
  const state = new ExplainerState();
  state.spec = net.spec;
  state.explanation = net.explanation;
  state.selection = { layerId, channel };
  return renderView(
    FormulaBody,
    { neuron: resolved.neuron, spec: net.spec, explanation: net.explanation, isLast: false, classes: [] },
    { explainer: state },
  );
}

/** The view's value equals the engine's, which the view also shows. */
function agrees(html: string, testId: string): number {
  const el = byTestId(html, testId);
  const ours = numAttr(el, 'data-value');
  const engine = numAttr(el, 'data-engine-value');
  expect(Math.abs(ours - engine), `${testId}: ${ours} vs ${engine}`).toBeLessThan(1e-4);
  return ours;
}

function weight(layer: string, name: string): Float32Array {
  const w = net.explanation.weights.get(layer)?.find((x) => x.name === name)?.value.data;
  if (!w) throw new Error(`${layer}/${name}`);
  return w;
}

describe('batch norm view', () => {
  it.each([
    ['bn', 3],
    ['bn_noscale', 0],
    ['bn_nocenter', 9],
    ['bn_vec', 6],
  ] as const)('%s channel %i shows the layer’s own statistics and the engine’s value', (id, channel) => {
    const html = body(id, channel);
    agrees(html, 'bn-value');
    expect(numAttr(byTestId(html, 'bn-stat-mean'), 'data-value')).toBe(weight(id, 'moving_mean')[channel]);
    expect(numAttr(byTestId(html, 'bn-stat-variance'), 'data-value')).toBe(
      weight(id, 'moving_variance')[channel],
    );
    expect(allByTestId(html, 'bn-gamma')).toHaveLength(id === 'bn_noscale' ? 0 : 1);
    expect(allByTestId(html, 'bn-beta')).toHaveLength(id === 'bn_nocenter' ? 0 : 1);
    // The note on training and inference, with the layer's momentum.
    expect(textOf(byTestId(html, 'bn-stats'))).toContain('μ ← 0.99·μ + (1 − 0.99)·(batch mean)');
    expect(allByTestId(html, 'bn-image-stats')).toHaveLength(id === 'bn_vec' ? 0 : 1);
  });

  it('refuses to write a formula tfjs does not follow (statistics along the rows)', () => {
    const html = body('bn_rows', 1);
    expect(allByTestId(html, 'bn-other-axis')).toHaveLength(1);
    expect(allByTestId(html, 'bn-view')).toHaveLength(0);
  });
});

describe('depthwise and separable views', () => {
  it('a depthwise neuron reads its one channel and equals the engine; the cost counts its 1×1 partner', () => {
    const html = body('dw', 5);
    agrees(html, 'depthwise-value');
    expect(textOf(byTestId(html, 'depthwise-source'))).toContain('reads input channel 5 only');
    expect(numAttr(byTestId(html, 'cost-standard'), 'data-value')).toBe(9 * 10 * 9 * 6 * 8);
    expect(numAttr(byTestId(html, 'cost-separable'), 'data-value')).toBe(9 * 10 * 9 * 6 + 9 * 10 * 6 * 8);
    expect(textOf(byTestId(html, 'cost-pairing'))).toContain('pw');
    // Channel 5's row is the one picked out in the strip.
    const picked = allByTestId(html, 'depthwise-out').filter((b) => attr(b, 'aria-pressed') === 'true');
    expect(picked.map((b) => attr(b, 'data-channel'))).toEqual(['5']);
  });

  it('with multiplier 2, output channel 13 is kernel 1 of input channel 6', () => {
    const html = body('dw_x2', 13);
    agrees(html, 'depthwise-value');
    expect(textOf(byTestId(html, 'depthwise-source'))).toContain(
      'input channel 6 only, with kernel 1 of its 2',
    );
    expect(textOf(byTestId(html, 'separable-cost'))).toContain('No 1×1 convolution follows');
  });

  it('a separable neuron mixes every depthwise result and equals the engine', () => {
    const html = body('sep', 2);
    agrees(html, 'separable-value');
    expect(allByTestId(html, 'separable-row')).toHaveLength(32);
    expect(numAttr(byTestId(html, 'cost-ratio'), 'data-value')).toBeCloseTo(2 * (1 / 5 + 1 / 9), 9);
  });

  it('the 1×1 convolution after a depthwise one shows the comparison from its side', () => {
    const html = body('pw', 1);
    agrees(html, 'conv-value');
    expect(textOf(byTestId(html, 'cost-pairing'))).toContain('dw is its depthwise step');
  });
});

describe('global pooling and Dense inside the net', () => {
  it.each([
    ['gap', 0],
    ['gmp', 2],
    ['gap_seq', 1],
    ['gmp_seq', 0],
  ] as const)('%s channel %i equals the engine', (id, channel) => {
    const html = body(id, channel);
    agrees(html, 'global-value');
  });

  it('a Dense over a map is shown as a 1×1 convolution with the engine’s value', () => {
    const html = body('dense_map', 1);
    expect(allByTestId(html, 'dense-map-view')).toHaveLength(1);
    agrees(html, 'conv-value');
  });

  it('a hidden Dense over a vector writes every input, weight and product', () => {
    const html = body('hidden', 4);
    agrees(html, 'dense-value');
    const cells = byTestId(html, 'dense-vector-terms');
    const input = net.explanation.activations.get('joined')?.data ?? new Float32Array();
    const values = [...cells.matchAll(/data-value="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(values).toHaveLength(3 * input.length);
    expect(values.slice(0, input.length)).toEqual([...input]);
    const kernel = weight('hidden', 'kernel');
    expect(values.slice(input.length, 2 * input.length)).toEqual(
      Array.from(input, (_, i) => kernel[i * 7 + 4] ?? NaN),
    );
    expect(textOf(html)).toContain('from input');
  });
});

describe('grouped convolution view', () => {
  function random(rng: () => number, shape: number[]): TensorData {
    return {
      data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1),
      shape,
    };
  }

  it('shows which input channels the filter sees and convolves only those', () => {
    const rng = createRng(5);
    const input = random(rng, [5, 6, 4]);
    const kernel = random(rng, [3, 3, 2, 6]);
    const bias = random(rng, [6]);
    const params = {
      filters: 6,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'same',
      dilation: [1, 1],
      activation: 'relu',
      useBias: true,
      groups: 2,
    };
    const output = groupedConvLayer(input, { kernel, bias }, convParams(params), 2);
    const html = renderView(GroupedConvView, {
      params,
      input,
      isNetworkInput: false,
      weights: [
        { name: 'kernel', value: kernel },
        { name: 'bias', value: bias },
      ],
      output,
      channel: 4,
    });
    expect(attr(byTestId(html, 'group-diagram'), 'data-group')).toBe('1');
    expect(textOf(byTestId(html, 'group-caption'))).toBe(
      'Filter 4 is in group 1 (filters 3–5) and sees input channels 2–3 only.',
    );
    // The channel-by-channel list and the formula number the channels as in the whole input.
    expect(allByTestId(html, 'elastic-channel').map((b) => textOf(b).split(' ')[0])).toEqual(['2', '3']);
    expect(textOf(byTestId(html, 'conv-input'))).toContain('Input channel 2 ·');
    const value = numAttr(byTestId(html, 'conv-value'), 'data-value');
    expect(value).toBeCloseTo(readHwc(output, 0, 0, 4), 6);
    expect(numAttr(byTestId(html, 'conv-value'), 'data-engine-value')).toBeCloseTo(value, 6);
  });
});
