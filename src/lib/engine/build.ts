/** Builds a tfjs LayersModel from a spec, freshly initialised or with given weights. */
import { tf } from './tf';
import type { NetworkSpec } from '../spec/types';
import { specToKerasModel } from '../formats/keras/topology';
import { inferShapes } from '../spec/inferShapes';
import { planWeights, type WeightEntry, type WeightPlan } from '../spec/weightPlan';
import { registerHardSwish } from './hardSwish';
import { registerHardSigmoid } from './hardSigmoid';
import { registerLrn } from './lrn';
import { drawKernels, zeroDefaultKernels } from './fastInit';
import { registerGroupedConv } from './groupedConv';

registerHardSwish();
registerHardSigmoid();
registerGroupedConv();
registerLrn();

/** Weight values keyed as tfjs names them: `conv_1_1/kernel`. */
export type NamedWeights = Map<string, Float32Array>;

export class SpecError extends Error {}

export async function buildModel(spec: NetworkSpec, weights?: NamedWeights): Promise<tf.LayersModel> {
  const table = inferShapes(spec);
  for (const id of table.order) {
    const info = table.layers.get(id);
    if (info?.status === 'error') throw new SpecError(info.error.en);
  }
  const topology = specToKerasModel(spec);
  // Kernels start as zeros and are drawn by fastInit (tfjs's own initialisers were most of the
  // time to build a big net); given weights replace them all, so then nothing is drawn.
  const toDraw = zeroDefaultKernels(topology);
  const model = await tf.models.modelFromJSON({
    modelTopology: topology as unknown as tf.io.ModelJSON['modelTopology'],
  });
  try {
    if (weights) setNamedWeights(model, weights);
    else drawKernels(model, toDraw);
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}

/** Copies named values into the model's weights; a name that is missing or mis-sized throws. */
export function setNamedWeights(model: tf.LayersModel, weights: NamedWeights): void {
  for (const layer of model.layers) {
    const values = layer.weights.map((w) => {
      const name = weightName(layer.name, w.originalName);
      const data = weights.get(name);
      if (!data) throw new SpecError(`no weights given for ${name}`);
      const size = w.shape.reduce((a: number, b) => a * (b ?? 1), 1);
      if (data.length !== size) throw new SpecError(`${name}: expected ${size} values, got ${data.length}`);
      return tf.tensor(data, w.shape as number[]);
    });
    if (values.length > 0) {
      layer.setWeights(values);
      tf.dispose(values);
    }
  }
}

/**
 * Copies of every weight of the model, keyed `layer/weight`. Copies: on the cpu and webgl
 * backends `dataSync` hands out the backend's own array, which a transfer to the training
 * worker would detach (and with it the model's weights and any bank holding them).
 */
export function getNamedWeights(model: tf.LayersModel): NamedWeights {
  const out: NamedWeights = new Map();
  for (const layer of model.layers)
    for (const w of layer.weights)
      out.set(weightName(layer.name, w.originalName), (w.read().dataSync() as Float32Array).slice());
  return out;
}

/** Where a rebuilt model may take weights from: a live model, or a bank of saved values. */
export interface TransferSource {
  model?: tf.LayersModel;
  bank?: { values: NamedWeights; shapes: ReadonlyMap<string, number[]> };
  /** Layers of this source whose values are not trained. */
  untrained: ReadonlySet<string>;
}

/**
 * `layer/weight` as tfjs names it, keeping inner path segments so wrapped layers stay
 * distinct (a Bidirectional LSTM has `bi/forward_lstm/kernel` and `bi/backward_lstm/kernel`).
 */
export function weightName(layerName: string, originalName: string): string {
  const full = originalName.startsWith(`${layerName}/`) ? originalName : `${layerName}/${originalName}`;
  const parts = full.split('/');
  // Inner layers get tfjs's global counter in their name (`forward_lstm_LSTM2`), which
  // differs from one build to the next; drop it so names are stable across builds.
  return parts
    .map((p, i) => (i > 0 && i < parts.length - 1 ? p.replace(/_[A-Z][A-Za-z]*\d+$/, '') : p))
    .join('/');
}

/** Every weight of a model with its full name and shape, without reading values. */
export function weightEntries(model: tf.LayersModel): WeightEntry[] {
  return model.layers.flatMap((layer) =>
    layer.weights.map((w) => ({
      layer: layer.name,
      name: weightName(layer.name, w.originalName),
      shape: w.shape.map((d) => d ?? 0),
    })),
  );
}

function variables(model: tf.LayersModel): Map<string, tf.Tensor> {
  const out = new Map<string, tf.Tensor>();
  for (const layer of model.layers)
    for (const w of layer.weights) out.set(weightName(layer.name, w.originalName), w.read());
  return out;
}

/**
 * Copies into `target` every weight whose name and shape fit one of the sources (see
 * planWeights for the preference order); the rest keep their fresh initial values. Returns
 * the plan: which layers were reinitialised and which are untrained. No tensor is leaked.
 */
export function transferWeights(target: tf.LayersModel, sources: readonly TransferSource[]): WeightPlan {
  const live = sources.map((s) => (s.model ? variables(s.model) : null));
  const plan = planWeights(
    weightEntries(target),
    sources.map((s) => ({
      shapes: s.model
        ? new Map(weightEntries(s.model).map((e) => [e.name, e.shape]))
        : (s.bank?.shapes ?? new Map()),
      untrained: s.untrained,
    })),
  );
  for (const layer of target.layers) {
    const names = layer.weights.map((w) => weightName(layer.name, w.originalName));
    if (!names.some((n) => plan.copy.has(n))) continue;
    const values = layer.weights.map((w, k) => {
      const name = names[k] as string;
      const from = plan.copy.get(name);
      const source = from === undefined ? undefined : sources[from];
      const tensor = from === undefined ? undefined : live[from]?.get(name);
      if (tensor) return tensor.clone();
      const data = source?.bank?.values.get(name);
      // Clones, so disposing the list below never frees a variable's own tensor.
      return data ? tf.tensor(data, w.shape as number[]) : w.read().clone();
    });
    layer.setWeights(values);
    tf.dispose(values);
  }
  return plan;
}
