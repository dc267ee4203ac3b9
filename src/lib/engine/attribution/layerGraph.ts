/**
 * A model's layers replayed one call at a time on concrete tensors (NHWC), the way tfjs'
 * own executor runs a model, so that any layer's output can be read or replaced: Grad-CAM
 * needs the gradient of the class score with respect to an inner layer's maps, which
 * `model.predict` cannot give. Also finds the class score before softmax (the logit).
 */
import { tf } from '../tf';
import type { ScoreKind } from '../../attribution/types';

type Layer = tf.layers.Layer;

interface Step {
  layer: Layer;
  /** Ids of the symbolic tensors the call reads and writes. */
  inputs: number[];
  outputs: number[];
}

/** Tensor values by symbolic tensor id. */
export type Values = Map<number, tf.Tensor>;

export class AttributionError extends Error {}

const isSoftmaxLayer = (layer: Layer): boolean => {
  const name = layer.getClassName();
  const config = layer.getConfig();
  return name === 'Softmax' || (name === 'Activation' && config.activation === 'softmax');
};

let linearActivation: unknown = null;
/** tfjs' own linear activation object, taken from an Activation layer made for the purpose. */
export function linear(): unknown {
  linearActivation ??= (tf.layers.activation({ activation: 'linear' }) as unknown as { activation: unknown })
    .activation;
  return linearActivation;
}

export class LayerGraph {
  private readonly steps: Step[] = [];
  private readonly inputId: number;
  private readonly outputId: number;
  /** The step that turns logits into the output, when the net ends in softmax. */
  private readonly softmaxStep: { index: number; fused: boolean } | null;
  readonly scoreKind: ScoreKind;
  /** Symbolic tensor id of each layer's (first) output. */
  private readonly outputOf = new Map<string, number>();

  constructor(model: tf.LayersModel) {
    const input = model.inputs[0];
    const output = model.outputs[0];
    if (!input || !output || model.inputs.length !== 1)
      throw new AttributionError('attribution needs a net with one input');
    if (output.shape.length !== 2)
      throw new AttributionError(
        `attribution needs one score per class, but the net's output has shape [${output.shape.slice(1).join(', ')}]`,
      );
    this.inputId = input.id;
    this.outputId = output.id;
    const known = new Set([input.id]);
    // model.layers is in topological order; each layer runs once per node of it in this graph.
    for (const layer of model.layers) {
      if (layer.getClassName() === 'InputLayer') continue;
      for (const node of layer.inboundNodes) {
        const inputs = node.inputTensors.map((t) => t.id);
        const outputs = node.outputTensors.map((t) => t.id);
        if (!inputs.every((id) => known.has(id)) || outputs.some((id) => known.has(id))) continue;
        outputs.forEach((id) => known.add(id));
        this.steps.push({ layer, inputs, outputs });
        if (!this.outputOf.has(layer.name) && outputs[0] !== undefined)
          this.outputOf.set(layer.name, outputs[0]);
      }
    }
    if (!known.has(this.outputId))
      throw new AttributionError('the net’s output could not be traced to its input');
    const last = this.steps.findIndex((s) => s.outputs.includes(this.outputId));
    const lastLayer = this.steps[last]?.layer;
    if (lastLayer && isSoftmaxLayer(lastLayer)) this.softmaxStep = { index: last, fused: false };
    else if (lastLayer && lastLayer.getConfig().activation === 'softmax')
      this.softmaxStep = { index: last, fused: true };
    else this.softmaxStep = null;
    this.scoreKind = this.softmaxStep ? 'logit' : 'output';
  }

  /** The output tensor id of a layer, or a clear error for a layer the net does not have. */
  outputIdOf(layerId: string): number {
    const id = this.outputOf.get(layerId);
    if (id === undefined) throw new AttributionError(`the net has no layer "${layerId}"`);
    return id;
  }

  /**
   * Runs the steps from `values` (which must hold the input) and returns every value with
   * the class scores: the logits [n, classes], or the output when the net does not end in
   * softmax. Steps whose outputs `values` already holds are reused, except those downstream
   * of tensor `from`: a value replaced there flows on through everything that depends on it.
   */
  run(values: Values, from?: number): { values: Values; scores: tf.Tensor2D } {
    const out: Values = new Map(values);
    const dirty = new Set(from === undefined ? [] : [from]);
    let scores: tf.Tensor | undefined;
    this.steps.forEach((step, index) => {
      const reuse = step.outputs.every((id) => out.has(id)) && !step.inputs.some((id) => dirty.has(id));
      const args = step.inputs.map((id) => out.get(id)!);
      const arg = args.length === 1 ? args[0]! : args;
      if (this.softmaxStep?.index === index)
        scores = this.softmaxStep.fused ? this.withoutSoftmax(step.layer, arg) : args[0];
      if (reuse) return;
      step.outputs.forEach((id) => dirty.add(id));
      const result = step.layer.apply(arg, { training: false }) as tf.Tensor | tf.Tensor[];
      const list = Array.isArray(result) ? result : [result];
      step.outputs.forEach((id, k) => out.set(id, list[k]!));
    });
    const final = scores ?? out.get(this.outputId);
    if (!final) throw new AttributionError('the net produced no output');
    return { values: out, scores: final as tf.Tensor2D };
  }

  /** Every value and the scores for a batch of NHWC inputs. */
  forward(x: tf.Tensor): { values: Values; scores: tf.Tensor2D } {
    return this.run(new Map([[this.inputId, x]]));
  }

  /** The scores with the output of the layer whose tensor id is `id` replaced by `value`. */
  scoresWith(values: Values, id: number, value: tf.Tensor): tf.Tensor2D {
    const replaced = new Map(values);
    replaced.set(id, value);
    return this.run(replaced, id).scores;
  }

  /** The layer's output before its fused softmax: the same call with a linear activation. */
  private withoutSoftmax(layer: Layer, arg: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const holder = layer as unknown as { activation: unknown };
    const saved = holder.activation;
    holder.activation = linear();
    try {
      return layer.apply(arg, { training: false }) as tf.Tensor;
    } finally {
      holder.activation = saved;
    }
  }
}
