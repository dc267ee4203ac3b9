/**
 * Every layer type the engine can run has a detail (formula) view. The registry decides: a
 * LayerDef names its view in `formula`. This test fails when a runnable type names none and
 * is not listed below with a reason, when a listed type has gained a view (the list is stale),
 * and when a type that names a view does not get it: each one is built in a small net, run by
 * tfjs on random weights, and its detail rendered; the view must appear, not the plain map.
 */
import { afterAll, describe, expect, it } from 'vitest';
import FormulaBody from '../../src/views/detail/FormulaBody.svelte';
import { resolveNeuron } from '../../src/views/detail/resolveNeuron';
import { ExplainerState } from '../../src/app/state/explainerState.svelte';
import { LAYER_DEFS, getLayerDef } from '../../src/lib/layers/registry';
import type { FormulaKind, LayerDef } from '../../src/lib/layers/types';
import type { LayerParams, NetworkSpec, Shape } from '../../src/lib/spec/types';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { translate } from '../../src/lib/i18n';
import { disposeNets, explainNet, type ExplainedNet } from '../formula/helpers';
import { renderView } from '../components/render';
import { allByTestId } from '../components/markup';

/** Runnable types that still have no formula view, and why. */
const KNOWN_GAPS: ReadonlyMap<string, string> = new Map([
  ['Input', 'nothing is computed: the detail of the input is the image itself (the plain map)'],
]);

/** Layer types that tfjs can build (the registry has a Keras mapping for them). */
const RUNNABLE = LAYER_DEFS.filter((d) => d.keras !== null);

describe('every runnable layer type has a detail view', () => {
  it('names one in the registry, or is listed with a reason', () => {
    const missing = RUNNABLE.filter((d) => !d.formula && !KNOWN_GAPS.has(d.type)).map((d) => d.type);
    expect(missing, `runnable types with no formula view: ${missing.join(', ')}`).toEqual([]);
  });

  it('lists only runnable types that really lack a view', () => {
    for (const type of KNOWN_GAPS.keys()) {
      const def = getLayerDef(type);
      expect(def, `${type} is not a registry type`).toBeDefined();
      expect(def?.formula, `${type} has a view now: take it off the list`).toBeUndefined();
      expect(def?.keras, `${type} cannot run: no need to list it`).not.toBeNull();
    }
    for (const reason of KNOWN_GAPS.values()) expect(reason.length).toBeGreaterThan(20);
  });
});

/** Inputs each kind of view is built for, and the view that must appear for them. */
const SAMPLES: Record<FormulaKind, { input: Shape; view: string; params?: LayerParams }[]> = {
  convolution: [{ input: [6, 7, 3], view: 'conv-view' }],
  activation: [{ input: [6, 7, 3], view: 'activation-view' }],
  pooling: [{ input: [6, 7, 3], view: 'pool-view' }],
  flatten: [{ input: [4, 5, 3], view: 'flatten-view' }],
  dense: [
    { input: [12], view: 'dense-view' },
    { input: [5, 6, 3], view: 'dense-map-view' },
  ],
  softmax: [{ input: [12], view: 'softmax-view' }],
  batchNorm: [
    { input: [6, 7, 3], view: 'bn-view' },
    { input: [12], view: 'bn-view' },
  ],
  depthwise: [{ input: [6, 7, 3], view: 'depthwise-view' }],
  separable: [{ input: [6, 7, 3], view: 'separable-view' }],
  // tfjs has no grouped convolution; tests/components/blocks.test.ts renders its view from our own forward.
  groupedConvolution: [{ input: [6, 7, 4], view: 'grouped-view' }],
  globalPooling: [{ input: [6, 7, 3], view: 'global-pool-view' }],
  // Merges take the same map twice (the probe net has one input).
  merge: [{ input: [6, 7, 3], view: 'merge-view' }],
  concatenate: [{ input: [6, 7, 3], view: 'concat-view' }],
  resample: [{ input: [6, 7, 3], view: 'resample-view' }],
  transposedConv: [{ input: [6, 7, 3], view: 'tconv-view' }],
  passThrough: [{ input: [6, 7, 3], view: 'pass-view' }],
  lrn: [{ input: [6, 7, 5], view: 'lrn-view' }],
  volumeConvolution: [{ input: [4, 6, 7, 3], view: 'volume-conv-view' }],
  volumePooling: [{ input: [4, 6, 7, 3], view: 'volume-pool-view' }],
  // The wrapped layer's defaults are Dense's (the first it offers): one dense view per step.
  timeDistributed: [
    { input: [3, 12], view: 'time-distributed-view' },
    // Each step a map: the dense-over-map view, inside the step picker.
    { input: [3, 5, 6, 2], view: 'dense-map-view' },
  ],
  // The default target shape [1, 1, 1] would fit only a single value.
  reshape: [{ input: [4, 5, 3], view: 'reshape-view', params: { targetShape: [10, 6] } }],
  permute: [{ input: [5, 4], view: 'permute-view' }],
  repeatVector: [{ input: [12], view: 'repeat-view' }],
  masking: [{ input: [6, 4], view: 'masking-view' }],
  // Dot takes the same input twice: [5, 4]·[5, 4] along the steps gives [4, 4].
  dot: [
    { input: [5, 4], view: 'dot-view' },
    { input: [12], view: 'dot-view' },
  ],
  layerNorm: [
    { input: [6, 7, 3], view: 'layer-norm-view' },
    { input: [5, 4], view: 'layer-norm-view' },
  ],
  embedding: [{ input: [6], view: 'embedding-view' }],
  recurrent: [{ input: [6, 3], view: 'rnn-view' }],
  bidirectional: [{ input: [6, 3], view: 'bi-view' }],
};

function defaults(def: LayerDef): LayerParams {
  const own = Object.fromEntries(def.params.map((p) => [p.name, p.default]));
  // A wrapper's defaults include its wrapped layer's.
  return Object.fromEntries((def.paramsFor?.(own) ?? def.params).map((p) => [p.name, p.default]));
}

/** A 1-D layer takes a sequence [T, C]; the shapes above are for 2-D layers. */
function inputFor(def: LayerDef, shape: Shape): Shape {
  return def.type.endsWith('1D') && shape.length === 3 ? [shape[1] ?? 1, shape[2] ?? 1] : shape;
}

const nets: ExplainedNet[] = [];
afterAll(() => disposeNets(nets));

const CASES = RUNNABLE.filter((d) => d.formula).flatMap((def) =>
  SAMPLES[def.formula as FormulaKind].map((s) => ({
    type: def.type,
    def,
    input: inputFor(def, s.input),
    view: s.view,
    params: s.params,
  })),
);

describe('a type that names a view gets it, computed', () => {
  it('covers every runnable type with a view', () => {
    expect(new Set(CASES.map((c) => c.type)).size).toBe(RUNNABLE.filter((d) => d.formula).length);
  });

  it.each(CASES.map((c) => [c.type, JSON.stringify(c.input), c] as const))('%s on %s', async (_t, _s, c) => {
    const spec: NetworkSpec = {
      name: 'probe',
      layers: [
        { id: 'in', type: 'Input', params: { shape: c.input }, inputs: [] },
        {
          id: 'probe',
          type: c.type,
          params: { ...defaults(c.def), ...c.params },
          inputs: Array.from({ length: Math.max(1, c.def.arity.min) }, () => 'in'),
        },
      ],
    };
    const info = inferShapes(spec).layers.get('probe');
    expect(info?.status, JSON.stringify(info)).toBe('ok');
    const net = await explainNet(spec, c.type.length * 31 + c.input.length);
    nets.push(net);
    const resolved = resolveNeuron(spec, net.explanation, { layerId: 'probe', channel: 0 });
    if (!resolved.ok) throw new Error(resolved.reason);
    const state = new ExplainerState();
    state.spec = spec;
    state.explanation = net.explanation;
    state.selection = { layerId: 'probe', channel: 0 };
    const html = renderView(
      FormulaBody,
      { neuron: resolved.neuron, spec, explanation: net.explanation, isLast: true, classes: [] },
      { explainer: state },
    );
    expect(allByTestId(html, 'no-formula'), 'fell back to the plain map').toHaveLength(0);
    const failed = translate('en', 'formula.failed', { layer: 'probe', reason: '' }).trim();
    expect(html.includes(failed), html.slice(html.indexOf(failed), html.indexOf(failed) + 300)).toBe(false);
    expect(allByTestId(html, c.view).length, `no ${c.view}`).toBeGreaterThan(0);
  });
});
