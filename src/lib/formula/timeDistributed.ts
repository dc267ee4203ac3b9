/**
 * TimeDistributed applies one wrapped layer, with one set of weights, to every step of its
 * input [T, ...]. One step of it is a plain net of two layers: the step's input feeding the
 * wrapped layer, whose output is the step's slice of the wrapper's output. The formula view of
 * the wrapped layer explains that small net as it explains any other.
 */
import type { Explanation, TensorData } from '../tensor/types';
import type { LayerSpec, NetworkSpec } from '../spec/types';
import { innerParams } from '../layers/shared/wrapper';
import { requireIndex } from '../tensor/layout';

/** Step `step` of a [T, ...] tensor: the [...] slice, sharing no memory with it. */
export function stepOf(t: TensorData, step: number): TensorData {
  const [steps = 0, ...rest] = t.shape;
  if (t.shape.length < 2)
    throw new RangeError(`a sequence has a time axis first, got [${t.shape.join(', ')}]`);
  requireIndex(step, steps, 'time step');
  const size = rest.reduce((a, b) => a * b, 1);
  return { data: t.data.slice(step * size, (step + 1) * size), shape: rest };
}

export interface WrappedStep {
  /** The wrapped layer as a layer of its own, with the wrapper's id (so selections still name it). */
  layer: LayerSpec;
  /** The step's input layer and the wrapped layer. */
  spec: NetworkSpec;
  /** The step's slices of the input and output, and the wrapper's weights, which every step shares. */
  explanation: Explanation;
  steps: number;
}

/** Step `step` of a TimeDistributed layer as a net of its own, or why it cannot be. */
export function wrappedStep(
  spec: NetworkSpec,
  explanation: Explanation,
  layerId: string,
  step: number,
): WrappedStep {
  const wrapper = spec.layers.find((l) => l.id === layerId);
  if (!wrapper) throw new RangeError(`no layer ${layerId}`);
  const sourceId = wrapper.inputs[0];
  const source = spec.layers.find((l) => l.id === sourceId);
  const input = sourceId === undefined ? undefined : explanation.activations.get(sourceId);
  const output = explanation.activations.get(layerId);
  if (!source || !input || !output) throw new RangeError(`${layerId} has no input or output to explain`);
  if (input.shape[0] !== output.shape[0])
    throw new RangeError(`${layerId}: input has ${input.shape[0]} steps but output ${output.shape[0]}`);
  const layer: LayerSpec = {
    id: wrapper.id,
    type: String(wrapper.params.layer),
    params: innerParams(wrapper.params),
    inputs: [source.id],
  };
  const stepOutput = stepOf(output, step);
  return {
    layer,
    spec: { name: spec.name, layers: [source, layer] },
    explanation: {
      activations: new Map([
        [source.id, stepOf(input, step)],
        [layer.id, stepOutput],
      ]),
      probabilities: stepOutput.data,
      weights: new Map([[layer.id, explanation.weights.get(layerId) ?? []]]),
    },
    steps: input.shape[0] ?? 0,
  };
}
