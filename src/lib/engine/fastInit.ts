/**
 * Glorot-uniform kernels without tfjs's random initialisers. tfjs draws each initial value
 * through seedrandom's generator: building ResNet-18 (11.7 M weights) spent ~400 ms there and
 * MobileNetV2 ~130 ms, most of the time to open them from the zoo. The topology asks for zeros
 * instead (a fill), and the kernels are then drawn here from the same distribution, about ten
 * times faster. Only kernels that would get tfjs's default (Glorot uniform, no seed) are
 * touched; a topology naming another initialiser keeps it.
 */
import { tf } from './tf';

/** The initialiser key of a layer class and the name of the weight it makes. */
const KERNEL_KEYS: Readonly<Record<string, readonly (readonly [key: string, weight: string])[]>> = {
  Conv1D: [['kernel_initializer', 'kernel']],
  Conv2D: [['kernel_initializer', 'kernel']],
  Conv3D: [['kernel_initializer', 'kernel']],
  Conv2DTranspose: [['kernel_initializer', 'kernel']],
  Dense: [['kernel_initializer', 'kernel']],
  DepthwiseConv2D: [['depthwise_initializer', 'depthwise_kernel']],
  SeparableConv2D: [
    ['depthwise_initializer', 'depthwise_kernel'],
    ['pointwise_initializer', 'pointwise_kernel'],
  ],
};

const ZEROS = { class_name: 'Zeros', config: {} };

/** Layer name → the names of the weights to draw after the build. */
export type KernelsToDraw = Map<string, Set<string>>;

function isDefaultGlorot(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'object') return false;
  const v = value as { class_name?: unknown; config?: { seed?: unknown } };
  const seeded = v.config?.seed !== undefined && v.config.seed !== null;
  return v.class_name === 'GlorotUniform' && !seeded;
}

/**
 * Sets the default-initialised kernels of a Keras topology's layers to zeros, in place, and
 * says which weights `drawKernels` must fill once the model is built.
 */
export function zeroDefaultKernels(topology: {
  config: { layers: { class_name: string; config: Record<string, unknown> }[] };
}): KernelsToDraw {
  const draw: KernelsToDraw = new Map();
  for (const layer of topology.config.layers) {
    const name = layer.config.name;
    if (typeof name !== 'string') continue;
    for (const [key, weight] of KERNEL_KEYS[layer.class_name] ?? []) {
      if (!isDefaultGlorot(layer.config[key])) continue;
      layer.config[key] = ZEROS;
      let set = draw.get(name);
      if (!set) draw.set(name, (set = new Set()));
      set.add(weight);
    }
  }
  return draw;
}

/** Fan in and out as tfjs (and Keras) count them for a channels-last kernel. */
export function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 2) return { fanIn: shape[0] ?? 1, fanOut: shape[1] ?? 1 };
  if (shape.length >= 3 && shape.length <= 5) {
    const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
    return { fanIn: (shape.at(-2) ?? 1) * receptive, fanOut: (shape.at(-1) ?? 1) * receptive };
  }
  const side = Math.sqrt(shape.reduce((a, b) => a * b, 1));
  return { fanIn: side, fanOut: side };
}

/** Glorot uniform's bound: values are uniform in ±sqrt(6 / (fan in + fan out)). */
export function glorotLimit(shape: readonly number[]): number {
  const { fanIn, fanOut } = fans(shape);
  return Math.sqrt(6 / Math.max(1, fanIn + fanOut));
}

/**
 * Fills `out` with values uniform in [−limit, limit) from a xorshift128 generator started at
 * `seed` (each of its 2^128 − 1 states is as likely; 53 ms for 11.7 M values in Node).
 */
export function fillUniform(out: Float32Array, limit: number, seed: number): Float32Array {
  // splitmix32 spreads the seed over the four words, none of them all zero.
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0 || 1;
  };
  let x = next();
  let y = next();
  let z = next();
  let w = next();
  const scale = (2 * limit) / 4294967296;
  for (let i = 0; i < out.length; i++) {
    const t = x ^ (x << 11);
    x = y;
    y = z;
    z = w;
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    out[i] = w * scale - limit;
  }
  return out;
}

/** Draws the kernels `zeroDefaultKernels` zeroed, each from its own seed. No tensor is kept. */
export function drawKernels(
  model: tf.LayersModel,
  draw: KernelsToDraw,
  seed = (Math.random() * 4294967296) >>> 0,
): void {
  let k = 0;
  for (const layer of model.layers) {
    const names = draw.get(layer.name);
    if (!names) continue;
    for (const w of layer.weights) {
      if (!names.has(w.originalName.split('/').at(-1) ?? '')) continue;
      const shape = w.shape.map((d) => d ?? 1);
      const size = shape.reduce((a, b) => a * b, 1);
      const values = fillUniform(new Float32Array(size), glorotLimit(shape), seed + 0x632be5ab * ++k);
      const tensor = tf.tensor(values, shape);
      w.write(tensor);
      tensor.dispose();
    }
  }
}
