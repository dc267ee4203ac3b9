/**
 * The views of layers that move, mask, look up or normalise one example (Reshape, Permute,
 * RepeatVector, Masking, Dot, LayerNormalization, Embedding) in real Chromium, on a net opened
 * from a share link (fresh weights) that feeds them an image's convolved values. Each view's
 * value equals the engine's at the first pick and at a cell picked by hovering; screenshots at
 * 1280×800 and one at 390×844.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { agrees, openNeuron, screenshotView, valueOf } from './formulaShared';
import { checkPhoneViews, useShareNet, WAIT } from './shareNetShared';
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';

const l = (id: string, type: string, params: LayerSpec['params'], ...inputs: string[]): LayerSpec => ({
  id,
  type,
  params,
  inputs,
});
const spec: NetworkSpec = {
  name: 'Arranging layers',
  layers: [
    l('input', 'Input', { shape: [12, 12, 3] }),
    l(
      'conv1',
      'Conv2D',
      {
        filters: 3,
        kernelSize: [3, 3],
        strides: [1, 1],
        padding: 'same',
        dilation: [1, 1],
        useBias: true,
        activation: 'relu',
      },
      'input',
    ),
    l('ln', 'LayerNormalization', { axis: -1, epsilon: 0.001, center: true, scale: true }, 'conv1'),
    l('perm', 'Permute', { dims: [3, 1, 2] }, 'ln'),
    // Steps of three ReLU outputs: where all three are 0 the step is masked.
    l('steps', 'Reshape', { targetShape: [144, 3] }, 'conv1'),
    l('mask', 'Masking', { maskValue: 0 }, 'steps'),
    // Four axes out of three: drawn as maps of one block, as the input is.
    l('blocks', 'Reshape', { targetShape: [3, 4, 12, 3] }, 'conv1'),
    l('flat_blocks', 'Flatten', {}, 'blocks'),
    l('dot', 'Dot', { axes: [1, 1], normalize: false }, 'mask', 'steps'),
    l('pool', 'MaxPooling2D', { poolSize: [4, 4], strides: [4, 4], padding: 'valid' }, 'conv1'),
    l('ids', 'Reshape', { targetShape: [27] }, 'pool'),
    l('emb', 'Embedding', { inputDim: 100, outputDim: 6, maskZero: false }, 'ids'),
    l('gap', 'GlobalAveragePooling2D', {}, 'conv1'),
    l('dense', 'Dense', { units: 4, activation: 'tanh', useBias: true }, 'gap'),
    l('repeat', 'RepeatVector', { n: 3 }, 'dense'),
    l('flat_perm', 'Flatten', {}, 'perm'),
    l('flat_dot', 'Flatten', {}, 'dot'),
    l('flat_emb', 'Flatten', {}, 'emb'),
    l('flat_repeat', 'Flatten', {}, 'repeat'),
    l(
      'joined',
      'Concatenate',
      { axis: -1 },
      'flat_perm',
      'flat_dot',
      'flat_emb',
      'flat_repeat',
      'flat_blocks',
    ),
    l('output', 'Dense', { units: 4, activation: 'softmax', useBias: true }, 'joined'),
  ],
};

const net = useShareNet(spec, 'emb');

/** Hovers a grid at a fraction of its size, as a user picks another value. */
async function hover(d: Locator, testId: string, fx: number, fy: number): Promise<void> {
  const box = (await d.getByTestId(testId).boundingBox())!;
  await net.page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
}

/**
 * Opens a neuron's view, checks its value at the first pick and at a cell picked by hovering
 * the output grid (`grid`, the figure's test id), and shoots it.
 */
async function check(
  neuron: string,
  view: string,
  value: string,
  grid: string,
  shot: string,
): Promise<Locator> {
  // A test that failed with its dialog open would block the overview for the next one.
  if (await net.page.getByTestId('neuron-detail').isVisible()) await net.page.keyboard.press('Escape');
  const d = await openNeuron(net.page, neuron);
  await d.getByTestId(view).waitFor();
  await agrees(d, value);
  const first = await d.getByTestId(grid).getAttribute('data-index');
  await hover(d, `${grid}-map`, 0.8, 0.7);
  await expect.poll(() => d.getByTestId(grid).getAttribute('data-index')).not.toBe(first);
  await agrees(d, value);
  await screenshotView(net.page, shot);
  return d;
}

describe('views of the arranging layers, against the engine', () => {
  it('Reshape: the output value is the input value at the same flat index', { timeout: WAIT }, async () => {
    const d = await check('steps:1', 'reshape-view', 'arrange-value', 'arrange-output', 'formula-reshape');
    const v = d.getByTestId('arrange-value');
    expect(await v.getAttribute('data-in-index')).toBe(await v.getAttribute('data-out-index'));
    expect(Number(await d.getByTestId('reshape-flat').textContent())).toBe(
      Number(await v.getAttribute('data-out-index')),
    );
    await net.page.keyboard.press('Escape');
  });

  it(
    'Reshape to four axes: the output drawn as maps, the element order traceable',
    { timeout: WAIT },
    async () => {
      const d = await check(
        'blocks:1',
        'reshape-view',
        'arrange-value',
        'arrange-output',
        'formula-reshape-4d',
      );
      // [3, 4, 12, 3]: one block's 4 × 12 plane of the channel, not a 432-row strip of 3.
      const out = d.getByTestId('arrange-output');
      expect([await out.getAttribute('data-rows'), await out.getAttribute('data-cols')]).toEqual(['4', '12']);
      await expect.poll(() => out.locator('.plane').textContent()).toMatch(/\[\d\]/);
      const v = d.getByTestId('arrange-value');
      expect(await v.getAttribute('data-in-index')).toBe(await v.getAttribute('data-out-index'));
      expect(await out.getAttribute('data-index')).toBe(await v.getAttribute('data-out-index'));
      await net.page.keyboard.press('Escape');
    },
  );

  it('Permute: the axis order is dims’, and each value is the engine’s', { timeout: WAIT }, async () => {
    const d = await check('perm:5', 'permute-view', 'arrange-value', 'arrange-output', 'formula-permute');
    const order = await d
      .locator('[data-testid="permute-axes"] li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-in')));
    expect(order).toEqual(['3', '1', '2']);
    // y[a, b, c] = x[b, c, a]
    const [a, b, c] = (await d.getByTestId('arrange-out-coords').textContent())!.split(', ');
    expect(await d.getByTestId('arrange-in-coords').textContent()).toBe([b, c, a].join(', '));
    await net.page.keyboard.press('Escape');
  });

  it('RepeatVector: every step is the input vector', { timeout: WAIT }, async () => {
    const d = await check('repeat:2', 'repeat-view', 'arrange-value', 'arrange-output', 'formula-repeat');
    const [, f] = (await d.getByTestId('arrange-out-coords').textContent())!.split(', ');
    expect(await d.getByTestId('arrange-in-coords').textContent()).toBe(f);
    await net.page.keyboard.press('Escape');
  });

  it('Masking: masked steps come out as zeros, kept ones unchanged', { timeout: WAIT }, async () => {
    const d = await check('mask:0', 'masking-view', 'masking-value', 'masking-output', 'formula-masking');
    const count = await valueOf(d, 'masking-count');
    expect(count).toBeGreaterThanOrEqual(0);
    const step = d.getByTestId('masking-step');
    if ((await step.getAttribute('data-masked')) === 'true')
      expect(await valueOf(d, 'masking-value')).toBe(0);
    await net.page.keyboard.press('Escape');
  });

  it('Dot: the sum of products over the 144 steps is the engine’s value', { timeout: WAIT }, async () => {
    const d = await check('dot:2', 'dot-view', 'dot-value', 'dot-output', 'formula-dot');
    await expect.poll(() => d.locator('[data-testid="dot-terms"] li').count()).toBe(12);
    expect(await d.getByText(/132 smaller products/).count()).toBe(1);
    // The largest products listed plus the rest are the whole sum.
    const products = await d
      .locator('[data-testid="dot-terms"] li')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-product'))));
    const rest = await valueOf(d, 'dot-more', 'data-rest');
    expect(products.reduce((s, p) => s + p, 0) + rest).toBeCloseTo(await valueOf(d, 'dot-value'), 4);
    await net.page.keyboard.press('Escape');
  });

  it(
    'LayerNormalization: this cell’s channels, their mean, and the engine’s value',
    { timeout: WAIT },
    async () => {
      const d = await check('ln:1', 'layer-norm-view', 'ln-value', 'ln-output', 'formula-layer-norm');
      const group = await d
        .locator('[data-testid="ln-group"] li')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
      expect(group).toHaveLength(3);
      expect(await valueOf(d, 'ln-mean')).toBeCloseTo(group.reduce((s, v) => s + v, 0) / 3, 5);
      expect(group).toContain(await valueOf(d, 'ln-x'));
      await net.page.keyboard.press('Escape');
    },
  );

  it(
    'Embedding: the id is the input cut to a whole number, the value its row’s',
    { timeout: WAIT },
    async () => {
      const d = await check(
        'emb:3',
        'embedding-view',
        'embedding-value',
        'embedding-output',
        'formula-embedding',
      );
      const id = d.getByTestId('embedding-id');
      expect(Number(await id.getAttribute('data-id'))).toBe(
        Math.trunc(Number(await id.getAttribute('data-raw'))),
      );
      await net.page.keyboard.press('Escape');
      expect(net.errors).toEqual([]);
    },
  );

  it('the Dot, layer-norm, Reshape, Embedding and Masking views fit 390 px', { timeout: WAIT }, () =>
    checkPhoneViews(net, spec, 'dot', [
      ['dot:1', 'dot-view'],
      ['ln:0', 'layer-norm-view'],
      ['steps:0', 'reshape-view'],
      ['blocks:1', 'reshape-view'],
      ['emb:0', 'embedding-view'],
      ['mask:0', 'masking-view'],
    ]),
  );
});
