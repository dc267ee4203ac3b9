/**
 * One image through a whole net in plain TypeScript, layer by layer, with each layer type's
 * `forward` from the registry. The page uses it for its first look, so the overview is drawn
 * while TensorFlow.js is still downloading; every later image goes through the engine.
 * Unit tests hold it to tfjs' own outputs.
 */
import type { LayerSpec, NetworkSpec } from '../spec/types';
import type { Explanation, LayerWeights, TensorData } from '../tensor/types';
import type { LayerDef } from '../layers/types';
import { getLayerDef } from '../layers/registry';
import { activate } from '../tensor/kernels';

type Forward = NonNullable<LayerDef['forward']>;

/** The net has a layer this module cannot compute; the engine has to run it. */
export class ForwardUnsupported extends Error {}

function forwardOf(layer: LayerSpec): Forward | null {
  const def = getLayerDef(layer.type);
  if (!def) return null;
  if (def.forward) return def.forward;
  // Weightless element-wise layers are their function (PReLU has weights: its slopes).
  const fn = layer.type === 'PReLU' ? null : def.activationOf?.(layer.params);
  return fn ? (_p, [x]) => activate(x ?? { data: new Float32Array(), shape: [0] }, fn.name, fn) : null;
}

/** Ids of the layers (inputs aside) that have no plain-TypeScript forward. */
export function layersWithoutForward(spec: NetworkSpec): string[] {
  return spec.layers.filter((l) => l.type !== 'Input' && !forwardOf(l)).map((l) => l.id);
}

/** Layers in an order where each comes after all of its inputs. */
function inDependencyOrder(spec: NetworkSpec): LayerSpec[] {
  const done = new Set<string>();
  const order: LayerSpec[] = [];
  let pending = [...spec.layers];
  while (pending.length > 0) {
    const ready = pending.filter((l) => l.inputs.every((id) => done.has(id)));
    if (ready.length === 0)
      throw new ForwardUnsupported(
        `layers ${pending.map((l) => l.id).join(', ')} form a cycle or miss an input`,
      );
    for (const l of ready) {
      order.push(l);
      done.add(l.id);
    }
    pending = pending.filter((l) => !done.has(l.id));
  }
  return order;
}

/**
 * Every layer's output for one preprocessed HWC image, in the engine's `Explanation` form
 * (`weights` as given). Throws ForwardUnsupported for a layer without a forward.
 */
export function forwardPass(
  spec: NetworkSpec,
  weights: ReadonlyMap<string, LayerWeights[]>,
  image: Float32Array,
): Explanation {
  const missing = layersWithoutForward(spec);
  if (missing.length > 0) throw new ForwardUnsupported(`no plain forward for ${missing.join(', ')}`);
  const activations = new Map<string, TensorData>();
  let last: TensorData | undefined;
  for (const layer of inDependencyOrder(spec)) {
    if (layer.type === 'Input') {
      const shape = Array.isArray(layer.params.shape) ? layer.params.shape : [];
      if (shape.reduce((a, b) => a * b, 1) !== image.length)
        throw new RangeError(
          `${layer.id} expects [${shape.join(', ')}], the image has ${image.length} values`,
        );
      last = { data: image, shape };
    } else {
      const inputs = layer.inputs.map((id) => activations.get(id) as TensorData);
      last = (forwardOf(layer) as Forward)(layer.params, inputs, weights.get(layer.id) ?? []);
    }
    activations.set(layer.id, last);
  }
  const full = new Map(spec.layers.map((l) => [l.id, weights.get(l.id) ?? []]));
  return { activations, probabilities: last?.data ?? new Float32Array(), weights: full };
}

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}

/**
 * A tfjs weights manifest's values grouped by layer, named as the engine names them
 * (`conv_1_1/kernel` → layer `conv_1_1`, weight `kernel`). Only plain float32 weights.
 */
export function weightsFromManifest(
  specs: readonly WeightSpec[],
  data: ArrayBuffer,
): Map<string, LayerWeights[]> {
  const out = new Map<string, LayerWeights[]>();
  let offset = 0;
  for (const w of specs) {
    if (w.dtype !== 'float32' || w.quantization)
      throw new ForwardUnsupported(`${w.name}: ${w.dtype}${w.quantization ? ' (quantized)' : ''} weights`);
    const size = w.shape.reduce((a, b) => a * b, 1);
    if (offset + size * 4 > data.byteLength)
      throw new RangeError(`${w.name}: the weight data ends before this weight (${data.byteLength} bytes)`);
    const slash = w.name.indexOf('/');
    const layer = slash > 0 ? w.name.slice(0, slash) : w.name;
    const value = { data: new Float32Array(data.slice(offset, offset + size * 4)), shape: [...w.shape] };
    out.set(layer, [...(out.get(layer) ?? []), { name: w.name.slice(slash + 1), value }]);
    offset += size * 4;
  }
  return out;
}
