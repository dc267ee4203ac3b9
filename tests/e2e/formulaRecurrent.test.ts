/**
 * The recurrent views in real Chromium: a net that reads an image's rows as a sequence
 * (Reshape to [12, 36]) through SimpleRNN, GRU, LSTM and two Bidirectional layers, opened from
 * a share link (fresh weights). Every state the engine outputs equals the view's at the steps
 * and units picked; the gates add up to it; go_backwards shows in a GRU of its own (which
 * reads the rows last to first) and in the backward direction; the
 * merge equals the engine's for concat and sum. Screenshots at 1280×800 and 390×844.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { agrees, openNeuron, screenshotView, valueOf } from './formulaShared';
import { checkPhoneViews, useShareNet, WAIT } from './shareNetShared';
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';

const rnn = (
  id: string,
  type: string,
  input: string,
  units: number,
  seq: boolean,
  back = false,
): LayerSpec => ({
  id,
  type,
  params: {
    units,
    activation: 'tanh',
    useBias: true,
    returnSequences: seq,
    ...(back ? { goBackwards: true } : {}),
  },
  inputs: [input],
});
const bi = (id: string, layer: string, input: string, mergeMode: string, seq: boolean): LayerSpec => ({
  id,
  type: 'Bidirectional',
  params: {
    layer,
    mergeMode,
    'layer.units': 3,
    'layer.activation': 'tanh',
    'layer.useBias': true,
    'layer.returnSequences': seq,
  },
  inputs: [input],
});
const spec: NetworkSpec = {
  name: 'Rows as a sequence',
  layers: [
    { id: 'input', type: 'Input', params: { shape: [12, 12, 3] }, inputs: [] },
    { id: 'rows', type: 'Reshape', params: { targetShape: [12, 36] }, inputs: ['input'] },
    rnn('rnn', 'SimpleRNN', 'rows', 6, true),
    // go_backwards: the GRU reads the rows bottom to top and outputs its states in that order.
    rnn('gru', 'GRU', 'rnn', 5, true, true),
    rnn('lstm', 'LSTM', 'gru', 4, true),
    bi('bi_lstm', 'LSTM', 'lstm', 'concat', true),
    bi('bi_gru', 'GRU', 'bi_lstm', 'sum', false),
    {
      id: 'output',
      type: 'Dense',
      params: { units: 4, activation: 'softmax', useBias: true },
      inputs: ['bi_gru'],
    },
  ],
};

const net = useShareNet(spec, 'lstm');

/** Clicks the strip's column of time step t (in the first band). */
async function pickTime(d: Locator, band: string, t: number, steps = 12): Promise<void> {
  const box = (await d.getByTestId(band).boundingBox())!;
  await net.page.mouse.click(box.x + ((t + 0.5) / steps) * box.width, box.y + 2);
}

describe('recurrent formula views', () => {
  it(
    'SimpleRNN: the state at several steps and units is the engine’s, term by term',
    { timeout: WAIT },
    async () => {
      // The overview draws each sequence as one strip per unit, steps along it.
      await net.page
        .locator('[data-testid="overview"] [data-layer="bi_lstm"]')
        .first()
        .scrollIntoViewIfNeeded();
      await screenshotView(net.page, 'overview-recurrent');
      const d = await openNeuron(net.page, 'rnn:2');
      await d.getByTestId('rnn-view').waitFor();
      const view = d.getByTestId('rnn-direction');
      expect(await view.getAttribute('data-time')).toBe('11');
      expect(await view.getAttribute('data-unit')).toBe('2');
      expect(await d.getByTestId('rnn-inputTerms').getAttribute('data-count')).toBe('36');
      for (const t of [11, 0, 5]) {
        if (t !== 11) await pickTime(d, 'rnn-direction-x-band', t);
        await expect.poll(() => view.getAttribute('data-time')).toBe(String(t));
        const v = await agrees(d, 'rnn-gate-h-value');
        const sum = await valueOf(d, 'rnn-gate-h-sum');
        expect(v).toBeCloseTo(Math.tanh(sum), 5);
      }
      await screenshotView(net.page, 'formula-simple-rnn');
      await net.page.keyboard.press('Escape');
      expect(net.errors).toEqual([]);
    },
  );

  it(
    'GRU with go_backwards: z, r and h̃ give the engine’s state; the player steps from the last row up',
    { timeout: WAIT },
    async () => {
      const d = await openNeuron(net.page, 'gru:4');
      await d.getByTestId('rnn-view').waitFor();
      expect(await d.getByTestId('rnn-view').getAttribute('data-backwards')).toBe('true');
      const view = d.getByTestId('rnn-direction');
      // Its last step reads t = 0; the one before it t = 1. The engine's output row k is the
      // state after the k-th step read, which the view checks against (agrees, below).
      expect(await view.getAttribute('data-time')).toBe('0');
      const note = await d.getByTestId('rnn-direction-output-note').textContent();
      expect(note).toContain('go_backwards');
      expect(note).toContain('output row 0 is the state after t = 11');
      // The state a step reads is the one after t + 1, and the formula says so.
      expect(await d.getByTestId('rnn-formula').getAttribute('data-backwards')).toBe('true');
      expect((await d.getByTestId('rnn-gate-z').textContent())?.replace(/\s/g, '')).toContain('ht+1');
      await d.getByTestId('step-back').click();
      await expect.poll(() => view.getAttribute('data-time')).toBe('1');
      for (let k = 0; k < 3; k++) {
        const h = await agrees(d, 'rnn-h');
        const z = await valueOf(d, 'rnn-gate-z-value');
        const hh = await valueOf(d, 'rnn-gate-hh-value');
        expect(z).toBeGreaterThanOrEqual(0);
        expect(z).toBeLessThanOrEqual(1);
        expect(h).toBeCloseTo(z * (await valueOf(d, 'rnn-h-prev')) + (1 - z) * hh, 5);
        await d.getByTestId('step-back').click();
      }
      await screenshotView(net.page, 'formula-gru');
      await net.page.keyboard.press('Escape');
    },
  );

  it(
    'LSTM: the gates, cell state and state agree with the engine at every step',
    { timeout: WAIT },
    async () => {
      const d = await openNeuron(net.page, 'lstm:1');
      await d.getByTestId('rnn-view').waitFor();
      expect(await d.getByTestId('rnn-direction-c-band').getAttribute('data-rows')).toBe('4');
      for (const t of [11, 3, 0]) {
        if (t !== 11) await pickTime(d, 'rnn-direction-x-band', t);
        await expect.poll(() => d.getByTestId('rnn-direction').getAttribute('data-time')).toBe(String(t));
        const h = await agrees(d, 'rnn-h');
        const c = await valueOf(d, 'rnn-c');
        const [i, f, g, o] = await Promise.all(
          ['i', 'f', 'g', 'o'].map((n) => valueOf(d, `rnn-gate-${n}-value`)),
        );
        expect(c).toBeCloseTo(f! * (await valueOf(d, 'rnn-c-prev')) + i! * g!, 5);
        expect(h).toBeCloseTo(o! * Math.tanh(c), 5);
        if (t === 0) expect(await valueOf(d, 'rnn-c-prev')).toBe(0);
      }
      await screenshotView(net.page, 'formula-lstm');
      await net.page.keyboard.press('Escape');
    },
  );

  it(
    'Bidirectional concat: the merge and both directions are the engine’s; the backward one reads from the end',
    { timeout: WAIT },
    async () => {
      // Output 4 of 6 is the backward layer's unit 1.
      const d = await openNeuron(net.page, 'bi_lstm:4');
      await d.getByTestId('bi-view').waitFor();
      await agrees(d, 'bi-y');
      await pickTime(d, 'bi-forward-band', 2);
      await expect.poll(() => d.getByTestId('bi-merge').getAttribute('data-time')).toBe('2');
      await agrees(d, 'bi-y');
      await screenshotView(net.page, 'formula-bi-merge');
      await d.getByTestId('bi-tab-backward').click();
      const view = d.getByTestId('rnn-direction');
      await view.waitFor();
      expect(await view.getAttribute('data-unit')).toBe('1');
      // The backward copy's last step is t = 0, and its first t = 11.
      expect(await view.getAttribute('data-time')).toBe('0');
      expect(await d.getByTestId('rnn-formula').getAttribute('data-backwards')).toBe('true');
      await agrees(d, 'rnn-h');
      await pickTime(d, 'rnn-direction-x-band', 7);
      await expect.poll(() => view.getAttribute('data-time')).toBe('7');
      await agrees(d, 'rnn-h');
      await screenshotView(net.page, 'formula-bi-backward');
      await d.getByTestId('bi-tab-forward').click();
      await expect.poll(() => view.getAttribute('data-time')).toBe('11');
      await agrees(d, 'rnn-h');
      await net.page.keyboard.press('Escape');
      expect(net.errors).toEqual([]);
    },
  );

  it(
    'Bidirectional sum without sequences: the final states add up to the engine’s output',
    { timeout: WAIT },
    async () => {
      const d = await openNeuron(net.page, 'bi_gru:2');
      await d.getByTestId('bi-view').waitFor();
      expect(await d.getByTestId('bi-view').getAttribute('data-merge')).toBe('sum');
      const y = await agrees(d, 'bi-y');
      expect(y).toBeCloseTo((await valueOf(d, 'bi-forward')) + (await valueOf(d, 'bi-backward')), 5);
      await net.page.keyboard.press('Escape');
      expect(net.errors).toEqual([]);
    },
  );

  it('the LSTM, backwards GRU and Bidirectional views fit 390 px', { timeout: WAIT }, () =>
    checkPhoneViews(net, spec, 'lstm', [
      ['lstm:0', 'rnn-view'],
      ['gru:1', 'rnn-view'],
      ['bi_lstm:1', 'bi-view'],
    ]),
  );
});
