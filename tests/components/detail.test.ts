/**
 * The detail dialog and the formula body rendered in Node from the seeded net: each layer
 * gets the view its registry entry names, inside a dialog that titles the layer and its
 * shape, with the same numbers the view shows on its own.
 */
import { describe, expect, it } from 'vitest';
import FormulaBody from '../../src/views/detail/FormulaBody.svelte';
import NeuronDetail from '../../src/views/detail/NeuronDetail.svelte';
import { resolveNeuron } from '../../src/views/detail/resolveNeuron';
import { ExplainerState } from '../../src/app/state/explainerState.svelte';
import { convAt, convParams, convWeights } from '../../src/lib/formula/convolution';
import { translate } from '../../src/lib/i18n';
import { activationOf, VIEW_NET_CLASSES, useViewNet } from '../fixtures/explainedNet';
import { renderView } from './render';
import { allByTag, allByTestId, attr, byTestId, numAttr, textOf } from './markup';

const net = useViewNet();

function explainer(selection: { layerId: string; channel: number } | null, explained = true): ExplainerState {
  const state = new ExplainerState();
  state.spec = net.spec;
  state.explanation = explained ? net.explanation : null;
  state.setClasses(VIEW_NET_CLASSES, 'test');
  state.selection = selection;
  return state;
}

function body(layerId: string, channel = 0): string {
  const resolved = resolveNeuron(net.spec, net.explanation, { layerId, channel });
  if (!resolved.ok) throw new Error(resolved.reason);
  return renderView(
    FormulaBody,
    {
      neuron: resolved.neuron,
      spec: net.spec,
      explanation: net.explanation,
      isLast: layerId === 'out',
      classes: VIEW_NET_CLASSES,
    },
    { explainer: explainer({ layerId, channel }) },
  );
}

describe('FormulaBody', () => {
  it.each([
    ['conv', 'conv-view'],
    ['relu', 'activation-view'],
    ['pool', 'pool-view'],
    ['flatten', 'flatten-view'],
    ['hidden', 'dense-view'],
    ['out', 'softmax-view'],
    ['input', 'no-formula'],
  ])('shows layer %s in its view (%s)', (layerId, view) => {
    const html = body(layerId);
    expect(allByTestId(html, view)).toHaveLength(1);
    for (const other of [
      'conv-view',
      'activation-view',
      'pool-view',
      'flatten-view',
      'dense-view',
      'no-formula',
    ])
      if (other !== view && !(view === 'softmax-view' && other === 'dense-view'))
        expect(allByTestId(html, other), other).toHaveLength(0);
    expect(textOf(html)).not.toContain(
      translate('en', 'formula.failed', { layer: layerId, reason: '' }).trim(),
    );
  });

  it('names the classes in the softmax view of the last layer', () => {
    const rows = allByTestId(body('out', 2), 'softmax-row');
    expect(rows.map((r) => textOf(allByTag(r, 'button')[0] ?? ''))).toEqual(VIEW_NET_CLASSES);
    expect(rows.map((r) => numAttr(r, 'data-engine-probability'))).toEqual([
      ...activationOf(net, 'out').data,
    ]);
  });
});

describe('NeuronDetail', () => {
  it("titles the selected conv neuron's layer, type and shape, and shows its value at the first position", () => {
    const html = renderView(NeuronDetail, {}, { explainer: explainer({ layerId: 'conv', channel: 1 }) });
    const dialog = byTestId(html, 'neuron-detail');
    expect(attr(dialog, 'data-kind')).toBe('convolution');
    expect(textOf(allByTag(dialog, 'h2')[0] ?? '')).toBe('conv');
    expect(textOf(dialog)).toContain('Conv2D');
    expect(textOf(dialog)).toContain('6 × 6 × 2');
    const select = byTestId(html, 'detail-channel');
    expect(allByTag(select, 'option').map((o) => [attr(o, 'value'), o.includes(' selected')])).toEqual([
      ['0', false],
      ['1', true],
    ]);
    const conv = net.spec.layers.find((l) => l.id === 'conv');
    const expected = convAt(
      activationOf(net, 'input'),
      convWeights(net.explanation.weights.get('conv')),
      convParams(conv?.params ?? {}),
      { row: 0, col: 0, channel: 1 },
    );
    expect(numAttr(byTestId(html, 'conv-value'), 'data-value')).toBe(expected.value);
  });

  it("names the last layer's channels after the classes", () => {
    const html = renderView(NeuronDetail, {}, { explainer: explainer({ layerId: 'out', channel: 0 }) });
    expect(allByTag(byTestId(html, 'detail-channel'), 'option').map(textOf)).toEqual(
      VIEW_NET_CLASSES.map((name, c) => `${c} · ${name}`),
    );
  });

  it('says why there is no formula: an unknown layer, or no image yet', () => {
    const unknown = renderView(NeuronDetail, {}, { explainer: explainer({ layerId: 'nope', channel: 0 }) });
    expect(textOf(unknown)).toContain(translate('en', 'formula.unknownLayer', { layer: 'nope' }));
    const noImage = renderView(
      NeuronDetail,
      {},
      { explainer: explainer({ layerId: 'conv', channel: 0 }, false) },
    );
    expect(textOf(noImage)).toContain(translate('en', 'formula.noImage'));
    expect(allByTestId(noImage, 'conv-view')).toHaveLength(0);
  });

  it('renders nothing while no neuron is selected', () => {
    const html = renderView(NeuronDetail, {}, { explainer: explainer(null) });
    expect(allByTestId(html, 'neuron-detail')).toHaveLength(0);
  });
});
