/**
 * Squeeze-and-excitation (Hu et al. 2018) read out of a spec: a Multiply of an [H, W, C] map
 * by a per-channel vector that was computed from a map by global pooling (squeeze), one or
 * more fully connected steps (excitation: Dense layers, or 1×1 convolutions on a 1×1 map,
 * with their activations, the last one a sigmoid-like gate) and maybe a Reshape to [1, 1, C].
 * Each step is recomputed here from the previous one in plain numbers, so every value of the
 * chain can be checked against the engine's. Maps are NHWC without the batch axis; dense
 * kernels are [in, out], 1×1 conv kernels [1, 1, in, out] (the same numbers in the same order).
 */
import type { LayerWeights, TensorData } from '../tensor/types';
import type { LayerSpec, NetworkSpec } from '../spec/types';
import { getLayerDef } from '../layers/registry';
import type { ElementwiseFunction } from '../layers/types';
import { findWeight, pairParam } from '../tensor/layout';
import { activationFunction, isActivationFunctionName, normalizeActivationName } from '../tensor/activations';
import { denseUnitTerms, type DenseUnitTerms } from './dense';

export type SqueezeStep =
  | { kind: 'pool'; layer: LayerSpec; mode: 'average' | 'max' }
  | { kind: 'dense'; layer: LayerSpec; fn: ElementwiseFunction }
  | { kind: 'activation'; layer: LayerSpec; fn: ElementwiseFunction }
  | { kind: 'reshape'; layer: LayerSpec };

export interface SqueezeExcitePlan {
  multiply: LayerSpec;
  /** Which of the Multiply's two inputs is the map and which the gate vector. */
  mapInput: number;
  gateInput: number;
  /** The map the squeeze pools (usually the map the gate scales). */
  pooledFrom: string;
  /** From the pooling to the gate, in the order data flows. */
  steps: SqueezeStep[];
}

const POOLS: Record<string, 'average' | 'max'> = {
  GlobalAveragePooling2D: 'average',
  GlobalMaxPooling2D: 'max',
};

/** Only the channels axis is longer than 1: [C], [1, C] or [1, 1, C]. */
function isChannelVector(shape: readonly number[] | undefined): boolean {
  return shape !== undefined && shape.length >= 1 && shape.slice(0, -1).every((n) => n === 1);
}

function elementwiseFn(name: string): ElementwiseFunction | null {
  const n = normalizeActivationName(name);
  return isActivationFunctionName(n) && n !== 'prelu' ? { name: n } : null;
}

/** One step of the chain, or null when the layer cannot be part of an SE block. */
function stepOf(
  layer: LayerSpec,
  shapeOf: (id: string) => readonly number[] | undefined,
): SqueezeStep | null {
  if (layer.inputs.length !== 1) return null;
  const pool = POOLS[layer.type];
  if (pool) return { kind: 'pool', layer, mode: pool };
  if (layer.type === 'Reshape' || layer.type === 'Flatten') return { kind: 'reshape', layer };
  const activation = typeof layer.params.activation === 'string' ? layer.params.activation : 'linear';
  if (layer.type === 'Dense') {
    const fn = elementwiseFn(activation);
    return fn ? { kind: 'dense', layer, fn } : null;
  }
  if (layer.type === 'Conv2D') {
    const [kh, kw] = pairParam(layer.params.kernelSize, [3, 3]);
    const source = shapeOf(layer.inputs[0] ?? '');
    const fn = elementwiseFn(activation);
    return kh === 1 && kw === 1 && isChannelVector(source) && fn ? { kind: 'dense', layer, fn } : null;
  }
  const def = getLayerDef(layer.type);
  const fn = def?.formula === 'activation' ? def.activationOf?.(layer.params) : null;
  const checked = fn ? elementwiseFn(fn.name) : null;
  return fn && checked ? { kind: 'activation', layer, fn: { ...fn, name: checked.name } } : null;
}

/**
 * The SE block a Multiply layer closes, or null when it is another product. `shapeOf` gives
 * each layer's output shape (without the batch axis).
 */
export function findSqueezeExcite(
  spec: NetworkSpec,
  multiplyId: string,
  shapeOf: (id: string) => readonly number[] | undefined,
): SqueezeExcitePlan | null {
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  const multiply = byId.get(multiplyId);
  if (!multiply || multiply.type !== 'Multiply' || multiply.inputs.length !== 2) return null;
  const shapes = multiply.inputs.map(shapeOf);
  const gateInput = shapes.findIndex((s) => isChannelVector(s));
  const mapInput = 1 - gateInput;
  const map = shapes[mapInput];
  if (gateInput < 0 || !map || map.length !== 3 || isChannelVector(map)) return null;
  const steps: SqueezeStep[] = [];
  let id = multiply.inputs[gateInput];
  // An SE chain is short; the bound keeps a malformed spec from looping.
  for (let guard = 0; id !== undefined && guard < 16; guard++) {
    const layer = byId.get(id);
    const step = layer ? stepOf(layer, shapeOf) : null;
    if (!step) return null;
    steps.unshift(step);
    if (step.kind === 'pool') {
      const from = step.layer.inputs[0];
      const pooled = from === undefined ? undefined : shapeOf(from);
      if (from === undefined || !pooled || pooled.length !== 3) return null;
      if (!steps.some((s) => s.kind === 'dense')) return null;
      return { multiply, mapInput, gateInput, pooledFrom: from, steps };
    }
    id = step.layer.inputs[0];
  }
  return null;
}

export interface SqueezeStage {
  step: SqueezeStep;
  /** The step's output, as a flat vector. */
  values: Float32Array;
  /** Dense steps: each unit's weighted sum, term by term. */
  units?: DenseUnitTerms[];
}

export interface SqueezeExciteResult {
  /** One value per channel after the global pooling. */
  squeezed: Float32Array;
  stages: SqueezeStage[];
  /** The last stage: one factor per channel. */
  gate: Float32Array;
}

function pooled(map: TensorData, mode: 'average' | 'max'): Float32Array {
  const channels = map.shape[map.shape.length - 1] ?? 1;
  const cells = map.data.length / channels;
  return Float32Array.from({ length: channels }, (_, c) => {
    let acc = mode === 'max' ? Number.NEGATIVE_INFINITY : 0;
    for (let i = 0; i < cells; i++) {
      const v = map.data[i * channels + c] ?? 0;
      acc = mode === 'max' ? Math.max(acc, v) : acc + v;
    }
    return mode === 'max' ? acc : acc / cells;
  });
}

/** Recomputes the chain from the pooled map, step by step, with the layers' own weights. */
export function computeSqueezeExcite(
  plan: SqueezeExcitePlan,
  map: TensorData,
  weightsOf: (id: string) => readonly LayerWeights[],
): SqueezeExciteResult {
  let x: Float32Array = new Float32Array();
  let squeezed: Float32Array = new Float32Array();
  const stages: SqueezeStage[] = [];
  for (const step of plan.steps) {
    if (step.kind === 'pool') {
      x = pooled(map, step.mode);
      squeezed = x;
      stages.push({ step, values: x });
    } else if (step.kind === 'reshape') {
      stages.push({ step, values: x });
    } else if (step.kind === 'activation') {
      const f = activationFunction(step.fn.name, step.fn);
      x = x.map(f);
      stages.push({ step, values: x });
    } else {
      const kernel = findWeight(weightsOf(step.layer.id), 'kernel');
      if (!kernel) throw new RangeError(`${step.layer.id} has no kernel`);
      const units = kernel.shape[kernel.shape.length - 1] ?? 0;
      const flatKernel = { data: kernel.data, shape: [kernel.data.length / units, units] };
      const bias = findWeight(weightsOf(step.layer.id), 'bias');
      const f = activationFunction(step.fn.name, step.fn);
      const input = x;
      const terms = Array.from({ length: units }, (_, u) => denseUnitTerms(input, flatKernel, bias, u));
      x = Float32Array.from(terms, (t) => f(t.logit));
      stages.push({ step, values: x, units: terms });
    }
  }
  return { squeezed, stages, gate: x };
}
