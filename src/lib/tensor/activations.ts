/**
 * Element-wise activation functions as plain numbers, defined exactly as tfjs-layers
 * defines them, plus a sampler for plotting their graphs. They act on every value of an
 * NHWC [H, W, C] map on its own, so layout does not matter here. Softmax is not
 * element-wise (it normalises along the channel axis) and lives in ./softmax.
 */

export const ACTIVATION_FUNCTIONS = [
  'linear',
  'relu',
  'relu6',
  'leaky_relu',
  'elu',
  'selu',
  'sigmoid',
  'hard_sigmoid',
  'tanh',
  'softplus',
  'softsign',
  'swish',
  'hard_swish',
  'capped_relu',
  'thresholded_relu',
  'prelu',
] as const;

export type ActivationFunctionName = (typeof ACTIVATION_FUNCTIONS)[number];

export interface ActivationOptions {
  /**
   * Slope for x < 0 of leaky ReLU: default 0.3, as Keras' and tfjs' LeakyReLU layer
   * (tf.leakyRelu's op default is 0.2). Hard sigmoid's slope: default 0.2, as tfjs.
   */
  alpha?: number;
  /** The cap of a capped ReLU (Keras `ReLU(max_value=m)`); default 6. */
  maxValue?: number;
  /** The threshold of ThresholdedReLU; default 1, as Keras. */
  theta?: number;
  /** Hard sigmoid's offset, clip(alpha·x + beta, 0, 1); default 0.5. */
  beta?: number;
}

export const LEAKY_RELU_DEFAULT_ALPHA = 0.3;

// The SELU constants of Klambauer et al. (tfjs-core's selu_util), rounded to double precision.
const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;

/** Keras names are snake_case (`hard_sigmoid`), tfjs TypeScript names camelCase (`hardSigmoid`); accept both. */
export function normalizeActivationName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function isActivationFunctionName(name: string): name is ActivationFunctionName {
  return (ACTIVATION_FUNCTIONS as readonly string[]).includes(name);
}

/** Sigmoid written so neither branch overflows: exp only ever sees a non-positive argument. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + eˣ) without overflow for large x or loss of precision for very negative x. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function relu6(x: number): number {
  return Math.min(Math.max(x, 0), 6);
}

/** The function itself; `name` may be snake_case or camelCase. Throws for an unknown name. */
export function activationFunction(name: string, options: ActivationOptions = {}): (x: number) => number {
  const normalized = normalizeActivationName(name);
  if (!isActivationFunctionName(normalized))
    throw new RangeError(`unknown element-wise activation "${name}"`);
  const alpha = options.alpha ?? LEAKY_RELU_DEFAULT_ALPHA;
  const cap = options.maxValue ?? 6;
  const theta = options.theta ?? 1;
  switch (normalized) {
    case 'linear':
      return (x) => x;
    case 'relu':
      return (x) => Math.max(x, 0);
    case 'relu6':
      return relu6;
    case 'leaky_relu':
      return (x) => (x >= 0 ? x : alpha * x);
    case 'prelu':
      // One position's function: its learned slope comes in as `alpha` (see preluSlopePlane).
      return (x) => (x >= 0 ? x : (options.alpha ?? 0) * x);
    case 'elu':
      return (x) => (x > 0 ? x : Math.expm1(x));
    case 'selu':
      return (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x));
    case 'sigmoid':
      return sigmoid;
    case 'hard_sigmoid': {
      // tfjs-layers: clip(0.2·x + 0.5, 0, 1) (Keras 3 changed it to x/6 + 0.5; tfjs did not);
      // ONNX's HardSigmoid, and PyTorch's (alpha 1/6), carry their own alpha and beta.
      const slope = options.alpha ?? 0.2;
      const offset = options.beta ?? 0.5;
      return (x) => Math.min(Math.max(slope * x + offset, 0), 1);
    }
    case 'tanh':
      return Math.tanh;
    case 'softplus':
      return softplus;
    case 'softsign':
      return (x) => x / (1 + Math.abs(x));
    case 'swish':
      return (x) => x * sigmoid(x);
    case 'hard_swish':
      return (x) => (x * relu6(x + 3)) / 6;
    case 'capped_relu':
      return (x) => Math.min(Math.max(x, 0), cap);
    case 'thresholded_relu':
      // tfjs-layers: x · cast(x > θ): a value exactly at θ becomes 0.
      return (x) => (x > theta ? x : 0);
  }
}

export function applyActivation(name: string, x: number, options: ActivationOptions = {}): number {
  return activationFunction(name, options)(x);
}

/** The formula as math text for the view's caption; the same in every language. */
export const ACTIVATION_FORMULAS: Record<ActivationFunctionName, string> = {
  linear: 'f(x) = x',
  relu: 'f(x) = max(0, x)',
  relu6: 'f(x) = min(max(0, x), 6)',
  leaky_relu: 'f(x) = x if x ≥ 0, αx otherwise',
  elu: 'f(x) = x if x > 0, eˣ − 1 otherwise',
  selu: 'f(x) = λx if x > 0, λα(eˣ − 1) otherwise (λ ≈ 1.0507, α ≈ 1.6733)',
  sigmoid: 'f(x) = 1 / (1 + e⁻ˣ)',
  hard_sigmoid: 'f(x) = clip(αx + β, 0, 1)',
  tanh: 'f(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)',
  softplus: 'f(x) = ln(1 + eˣ)',
  softsign: 'f(x) = x / (1 + |x|)',
  swish: 'f(x) = x · sigmoid(x)',
  hard_swish: 'f(x) = x · relu6(x + 3) / 6',
  capped_relu: 'f(x) = min(max(0, x), m)',
  thresholded_relu: 'f(x) = x if x > θ, 0 otherwise',
  prelu: 'f(x) = x if x ≥ 0, α·x otherwise (α learned for each position)',
};

/** Where the graph has a corner; the sampler puts a point exactly there so kinks stay sharp. */
export function activationBreakpoints(name: string, options: ActivationOptions = {}): number[] {
  switch (normalizeActivationName(name)) {
    case 'capped_relu':
      return [0, options.maxValue ?? 6];
    case 'thresholded_relu':
      return [options.theta ?? 1];
    case 'relu':
    case 'leaky_relu':
    case 'prelu':
      return [0];
    case 'relu6':
      return [0, 6];
    case 'hard_sigmoid': {
      // Where αx + β reaches 0 and 1.
      const slope = options.alpha ?? 0.2;
      const offset = options.beta ?? 0.5;
      return slope === 0 ? [] : [-offset / slope, (1 - offset) / slope].sort((a, b) => a - b);
    }
    case 'hard_swish':
      return [-3, 3];
    default:
      return [];
  }
}

export interface ActivationSample {
  x: number;
  y: number;
}

export interface SampleRange {
  from: number;
  to: number;
  /** Evenly spaced points, ends included (≥ 2); breakpoints inside the range are added. */
  count: number;
}

/** Points (x, f(x)) over [from, to] for plotting, sorted by x. */
export function sampleActivation(
  name: string,
  range: SampleRange,
  options: ActivationOptions = {},
): ActivationSample[] {
  const { from, to, count } = range;
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(to > from))
    throw new RangeError(`sample range ${from}…${to} is empty`);
  if (!Number.isInteger(count) || count < 2) throw new RangeError(`need at least 2 samples, got ${count}`);
  const f = activationFunction(name, options);
  const xs = Array.from({ length: count }, (_, i) =>
    i === count - 1 ? to : from + ((to - from) * i) / (count - 1),
  );
  for (const b of activationBreakpoints(name, options)) if (b > from && b < to && !xs.includes(b)) xs.push(b);
  return xs.sort((a, b) => a - b).map((x) => ({ x, y: f(x) }));
}

/**
 * PReLU's learned slopes for every cell of one channel. The α tensor has the input's
 * [H, W, C] shape with 1 along each shared axis (shared_axes [1, 2] gives [1, 1, C]).
 */
export function preluSlopePlane(
  alpha: { data: Float32Array; shape: readonly number[] },
  height: number,
  width: number,
  channel: number,
): Float32Array {
  const [ah = 1, aw = 1, ac = 1] = alpha.shape;
  const plane = new Float32Array(height * width);
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      const i = ((ah > 1 ? r : 0) * aw + (aw > 1 ? c : 0)) * ac + (ac > 1 ? channel : 0);
      plane[r * width + c] = alpha.data[i] ?? 0;
    }
  return plane;
}
