/**
 * AlexNet's blocks, which tfjs lacks and the engine runs with its own layers, in real Chromium:
 * a net with an LRN and a grouped convolution opened from a share link (fresh weights). The LRN
 * view's window of channels and its value, and the grouped convolution's value, equal the
 * engine's for several neurons and cells; screenshots at 1280×800 and 390×844.
 */
import { describe, expect, it } from 'vitest';
import { agrees, openNeuron, screenshotView, valueOf } from './formulaShared';
import { checkPhoneViews, useShareNet, WAIT } from './shareNetShared';
import type { NetworkSpec } from '../../src/lib/spec/types';

const conv = { kernelSize: [3, 3], strides: [1, 1], padding: 'same', dilation: [1, 1], useBias: true };
const spec: NetworkSpec = {
  name: 'Alex blocks',
  layers: [
    { id: 'input', type: 'Input', params: { shape: [24, 24, 3] }, inputs: [] },
    { id: 'conv1', type: 'Conv2D', params: { ...conv, filters: 8, activation: 'relu' }, inputs: ['input'] },
    // A large alpha, so that the neighbours' squares visibly damp the value.
    {
      id: 'norm1',
      type: 'LRN',
      params: { depthRadius: 2, bias: 1, alpha: 0.5, beta: 0.75 },
      inputs: ['conv1'],
    },
    {
      id: 'conv2',
      type: 'GroupedConv2D',
      params: { ...conv, filters: 8, activation: 'relu', groups: 2 },
      inputs: ['norm1'],
    },
    { id: 'gap', type: 'GlobalAveragePooling2D', params: {}, inputs: ['conv2'] },
    {
      id: 'output',
      type: 'Dense',
      params: { units: 4, activation: 'softmax', useBias: true },
      inputs: ['gap'],
    },
  ],
};

const net = useShareNet(spec, 'norm1');

describe('AlexNet blocks the engine runs', () => {
  it(
    'LRN: the window of channels, the divisor and the value are the engine’s, at several cells',
    { timeout: WAIT },
    async () => {
      for (const channel of [0, 3, 7]) {
        const d = await openNeuron(net.page, `norm1:${channel}`);
        await d.getByTestId('lrn-view').waitFor();
        // The window is the channel's neighbours within the radius, clipped at the edges.
        const window = await d
          .locator('[data-testid="lrn-window"] li')
          .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-channel'))));
        const want = [0, 1, 2, 3, 4, 5, 6, 7].filter((c) => Math.abs(c - channel) <= 2);
        expect(window).toEqual(want);
        const squares = await d
          .locator('[data-testid="lrn-window"] li')
          .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-square'))));
        expect(await valueOf(d, 'lrn-sum')).toBeCloseTo(
          squares.reduce((a, b) => a + b, 0),
          4,
        );
        const value = await agrees(d, 'lrn-value');
        const x = await valueOf(d, 'lrn-x');
        expect(value).toBeCloseTo(x / (1 + 0.5 * (await valueOf(d, 'lrn-sum'))) ** 0.75, 4);
        // Another cell, picked by hovering the output map.
        const map = d.getByTestId('lrn-output-map');
        const box = (await map.boundingBox())!;
        await net.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.7);
        await expect.poll(() => d.getByTestId('lrn-at').textContent()).not.toBe('');
        await agrees(d, 'lrn-value');
        if (channel === 3) await screenshotView(net.page, 'formula-lrn');
        await net.page.keyboard.press('Escape');
      }
      expect(net.errors).toEqual([]);
    },
  );

  it(
    'grouped convolution: run by the engine, its value equals the view’s for filters of both groups',
    { timeout: WAIT },
    async () => {
      for (const [channel, group] of [
        [1, '0'],
        [6, '1'],
      ] as const) {
        const d = await openNeuron(net.page, `conv2:${channel}`);
        await d.getByTestId('grouped-view').waitFor();
        expect(await d.getByTestId('group-diagram').getAttribute('data-group')).toBe(group);
        await agrees(d, 'conv-value');
        if (channel === 6) await screenshotView(net.page, 'formula-grouped-engine');
        await net.page.keyboard.press('Escape');
      }
      expect(net.errors).toEqual([]);
    },
  );

  it('the LRN view fits 390 px', { timeout: WAIT }, () =>
    checkPhoneViews(net, spec, 'norm1', [['norm1:2', 'lrn-view']]),
  );
});
