/**
 * Everything a formula view needs about the selected neuron, read from the spec, the layer
 * registry and the engine's explanation; which view it gets comes from the registry's
 * `formula` field, never from the layer's type name.
 */
import { getLayerDef } from '../../lib/layers/registry';
import type { FormulaKind, LayerDef } from '../../lib/layers/types';
import type { Explanation, LayerWeights, TensorData } from '../../lib/tensor/types';
import type { LayerSpec, NetworkSpec } from '../../lib/spec/types';

/** One input of the layer: the layer it comes from and that layer's output. */
export interface NeuronInput {
  layerId: string;
  type: string;
  data: TensorData | undefined;
}

export interface NeuronContext {
  layer: LayerSpec;
  def: LayerDef | undefined;
  kind: FormulaKind | null;
  /** The activation feeding the layer (its first input). */
  input: TensorData | undefined;
  /** Every input in the layer's order (merges have several). */
  inputs: NeuronInput[];
  /** The input is the network's own input (an image), not another layer's output. */
  inputIsNetworkInput: boolean;
  output: TensorData | undefined;
  weights: readonly LayerWeights[];
  channel: number;
}

export type Resolved =
  { ok: true; neuron: NeuronContext } | { ok: false; reason: 'unknown-layer' | 'no-image' };

export function formulaKindOf(spec: NetworkSpec, layerId: string): FormulaKind | null {
  const layer = spec.layers.find((l) => l.id === layerId);
  return (layer && getLayerDef(layer.type)?.formula) ?? null;
}

export function resolveNeuron(
  spec: NetworkSpec,
  explanation: Explanation | null,
  selection: { layerId: string; channel: number },
): Resolved {
  const layer = spec.layers.find((l) => l.id === selection.layerId);
  if (!layer) return { ok: false, reason: 'unknown-layer' };
  if (!explanation) return { ok: false, reason: 'no-image' };
  const def = getLayerDef(layer.type);
  const source = layer.inputs[0];
  return {
    ok: true,
    neuron: {
      layer,
      def,
      kind: def?.formula ?? null,
      input: source === undefined ? undefined : explanation.activations.get(source),
      inputs: layer.inputs.map((id) => ({
        layerId: id,
        type: spec.layers.find((l) => l.id === id)?.type ?? '',
        data: explanation.activations.get(id),
      })),
      inputIsNetworkInput: spec.layers.find((l) => l.id === source)?.inputs.length === 0,
      output: explanation.activations.get(layer.id),
      weights: explanation.weights.get(layer.id) ?? [],
      channel: selection.channel,
    },
  };
}

/**
 * The [H, W, C] map a dense layer's input vector was flattened from, when the layer right
 * before it is a flatten of a 3-D map: then its weights can be shown as maps of that shape.
 */
export function flattenedMapOf(
  spec: NetworkSpec,
  explanation: Explanation,
  denseId: string,
): { layerId: string; map: TensorData } | null {
  const dense = spec.layers.find((l) => l.id === denseId);
  const flatId = dense?.inputs[0];
  if (flatId === undefined || formulaKindOf(spec, flatId) !== 'flatten') return null;
  const mapId = spec.layers.find((l) => l.id === flatId)?.inputs[0];
  const map = mapId === undefined ? undefined : explanation.activations.get(mapId);
  return mapId !== undefined && map && map.shape.length === 3 ? { layerId: mapId, map } : null;
}

/** The dense layers reading a layer's output directly (a flatten's classifier). */
export function denseConsumersOf(spec: NetworkSpec, layerId: string): LayerSpec[] {
  return spec.layers.filter((l) => l.inputs.includes(layerId) && getLayerDef(l.type)?.formula === 'dense');
}
