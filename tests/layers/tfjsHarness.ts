/**
 * Checks one layer type against what tfjs builds: a spec of Input(s) → layer goes through
 * our shape inference and through tfjs, and the two must agree on the output shape, the
 * parameter counts and on whether the configuration is valid at all; a layer with a
 * plain-TypeScript forward (src/lib/forward) must also compute the values tfjs computes.
 */
import { tf } from '../../src/lib/engine/tf';
import { buildModel } from '../../src/lib/engine/build';
import { Explainer } from '../../src/lib/engine/explain';
import { forwardPass, layersWithoutForward } from '../../src/lib/forward/forwardPass';
import { specToKerasModel } from '../../src/lib/formats/keras/topology';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { getLayerDef } from '../../src/lib/layers/registry';
import { checkParam } from '../../src/lib/layers/shared/params';
import { product } from '../../src/lib/layers/shared/windowMath';
import type { LayerParams, NetworkSpec, Shape } from '../../src/lib/spec/types';
import { createRng, randomInt, type Rng } from '../../src/lib/random';

export interface LayerCase {
  inputs: Shape[];
  params: LayerParams;
}

export interface CaseResult {
  valid: boolean;
  /** Why ours and tfjs disagree; empty when they agree. */
  problems: string[];
}

export function probeSpec(type: string, c: LayerCase): NetworkSpec {
  const inputs = c.inputs.map((shape, i) => ({ id: `in${i}`, type: 'Input', params: { shape }, inputs: [] }));
  return {
    name: 'probe',
    layers: [...inputs, { id: 'probe', type, params: c.params, inputs: inputs.map((l) => l.id) }],
  };
}

function weightsOf(type: string, c: LayerCase): { total: number; trainable: number } {
  const def = getLayerDef(type);
  if (!def) throw new Error(`unknown type ${type}`);
  const ws = def.weights(c.params, c.inputs);
  return {
    total: ws.reduce((s, w) => s + product(w.shape), 0),
    trainable: ws.filter((w) => w.trainable !== false).reduce((s, w) => s + product(w.shape), 0),
  };
}

/** Runs the model once on zeros, so runtime-only refusals (and runtime shapes) show up. */
function runOnce(model: tf.LayersModel, inputs: Shape[]): number[] {
  return tf.tidy(() => {
    const xs = inputs.map((s) => tf.zeros([1, ...s]));
    const y = model.predict(xs.length === 1 ? xs[0]! : xs) as tf.Tensor;
    return y.shape;
  });
}

/** Runs tfjs and our forward on the same random input (−2…2, so negatives and zeros occur). */
function forwardProblems(spec: NetworkSpec, model: tf.LayersModel, c: LayerCase, label: string): string[] {
  const [shape, ...others] = c.inputs;
  if (!shape || others.length > 0 || layersWithoutForward(spec).length > 0) return [];
  const rng = createRng(product(shape) + 17);
  const image = Float32Array.from({ length: product(shape) }, () => Math.round((rng() * 4 - 2) * 8) / 8);
  const expected = tf.tidy(
    () => (model.predict(tf.tensor(image, [1, ...shape])) as tf.Tensor).dataSync() as Float32Array,
  );
  let ours: Float32Array;
  try {
    ours = forwardPass(spec, new Explainer(model).weights(), image).probabilities;
  } catch (e) {
    return [`${label}: forward failed: ${e instanceof Error ? e.message : String(e)}`];
  }
  if (ours.length !== expected.length)
    return [`${label}: forward gave ${ours.length} values, tfjs ${expected.length}`];
  const scale = Math.max(1, ...expected.map(Math.abs));
  const worst = expected.reduce((m, v, i) => Math.max(m, Math.abs(v - (ours[i] ?? NaN))), 0);
  return worst <= 1e-5 * scale ? [] : [`${label}: forward differs from tfjs by ${worst}`];
}

export async function checkCase(type: string, c: LayerCase): Promise<CaseResult> {
  const spec = probeSpec(type, c);
  const info = inferShapes(spec).layers.get('probe');
  const label = `${type} ${JSON.stringify(c)}`;
  if (!info || info.status === 'blocked') return { valid: false, problems: [`${label}: no shape info`] };
  if (info.status === 'ok') {
    const problems: string[] = [];
    let model: tf.LayersModel | undefined;
    try {
      model = await buildModel(spec);
      const symbolic = model.outputs[0]!.shape.slice(1);
      if (JSON.stringify(symbolic) !== JSON.stringify(info.shape))
        problems.push(`${label}: shape ours ${JSON.stringify(info.shape)} tfjs ${JSON.stringify(symbolic)}`);
      const { total, trainable } = weightsOf(type, c);
      if (info.params !== total)
        problems.push(`${label}: inferShapes params ${info.params} vs weights ${total}`);
      if (model.countParams() !== total)
        problems.push(`${label}: params ours ${total} tfjs ${model.countParams()}`);
      const tfTrainable = model.trainableWeights.reduce((s, w) => s + product(w.shape as number[]), 0);
      if (tfTrainable !== trainable)
        problems.push(`${label}: trainable ours ${trainable} tfjs ${tfTrainable}`);
      const ran = runOnce(model, c.inputs);
      if (JSON.stringify(ran) !== JSON.stringify([1, ...info.shape]))
        problems.push(`${label}: runtime shape ${JSON.stringify(ran)} ours ${JSON.stringify(info.shape)}`);
      problems.push(...forwardProblems(spec, model, c, label));
    } catch (e) {
      problems.push(
        `${label}: tfjs refused a config we accept: ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      model?.dispose();
    }
    return { valid: true, problems };
  }
  // We report an error: tfjs must refuse too, at build or at run time, or build a shape with
  // an empty axis, or run a shape other than the one it reports, or the params must lie
  // outside what the parameter definitions allow.
  const def = getLayerDef(type);
  const outOfRange = def?.params.some((d) => checkParam(d, c.params[d.name]) !== null) ?? false;
  let model: tf.LayersModel | undefined;
  try {
    const topology = specToKerasModel(spec);
    model = await tf.models.modelFromJSON({
      modelTopology: topology as unknown as tf.io.ModelJSON['modelTopology'],
    });
    const symbolic = model.outputs[0]!.shape.slice(1);
    if (symbolic.some((d) => d === null || d < 1)) return { valid: false, problems: [] };
    const ran = runOnce(model, c.inputs);
    // tfjs running a different shape from the one it reports is broken too (e.g. its
    // Concatenate treats every negative axis as −1 at run time).
    if (JSON.stringify(ran) !== JSON.stringify([1, ...symbolic])) return { valid: false, problems: [] };
    return outOfRange
      ? { valid: false, problems: [] }
      : { valid: false, problems: [`${label}: we say "${info.error.en}" but tfjs builds and runs it`] };
  } catch {
    return { valid: false, problems: [] };
  } finally {
    model?.dispose();
  }
}

export interface Tally {
  valid: number;
  invalid: number;
  problems: string[];
}

/** Draws `n` cases from a seeded generator and checks each against tfjs. */
export async function checkRandomCases(
  type: string,
  n: number,
  seed: number,
  draw: (rng: Rng) => LayerCase,
): Promise<Tally> {
  const rng = createRng(seed);
  const tally: Tally = { valid: 0, invalid: 0, problems: [] };
  for (let i = 0; i < n; i++) {
    const r = await checkCase(type, draw(rng));
    if (r.valid) tally.valid++;
    else tally.invalid++;
    tally.problems.push(...r.problems);
  }
  return tally;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randomInt(rng, 0, items.length - 1)] as T;
}

export function ints(rng: Rng, n: number, lo: number, hi: number): number[] {
  return Array.from({ length: n }, () => randomInt(rng, lo, hi));
}

export { randomInt };
