/**
 * The layer computations of a forward pass in plain TypeScript, on NHWC typed arrays without
 * the batch axis, following tfjs' conventions (kernels [kh, kw, in, out], 'same' padding with
 * the extra zero at the bottom/right, average pooling that leaves padding out of the count).
 * Written as tight loops: the page runs the first image through these before TensorFlow.js is
 * even downloaded (see ./forwardPass).
 */
import type { TensorData } from './types';
import { planWindow, type WindowGeometry, type WindowPlan } from './window';
import { hwcShape } from './layout';
import { activationFunction, type ActivationOptions } from './activations';
import { conv2dWasm } from './wasmConv';

/**
 * Conv2D without its activation: Σ x·K + b over every window, in WebAssembly where it runs
 * (./wasmConv), else in JavaScript.
 */
export function conv2d(
  input: TensorData,
  kernel: TensorData,
  bias: TensorData | undefined,
  geometry: WindowGeometry,
  options: { wasm?: boolean } = {},
): TensorData {
  const [height, width, inC] = hwcShape(input, 'Conv2D input');
  const [kh, kw, kc, outC] = kernel.shape;
  if (kernel.shape.length !== 4 || kh !== geometry.kernel[0] || kw !== geometry.kernel[1] || kc !== inC)
    throw new RangeError(`Conv2D kernel [${kernel.shape.join(', ')}] does not fit ${inC} input channels`);
  if (bias && bias.data.length !== outC)
    throw new RangeError(`Conv2D bias has ${bias.data.length} values for ${outC} filters`);
  const plan = planWindow(height, width, geometry);
  const fast = options.wasm === false ? null : conv2dWasm(input, kernel, bias, plan);
  if (fast) return fast;
  const oc = outC ?? 0;
  const [sh, sw] = geometry.strides;
  const [dh, dw] = geometry.dilation;
  const [rows, cols] = plan.kernel;
  const x = input.data;
  const k = kernel.data;
  const out = new Float32Array(plan.outputHeight * plan.outputWidth * oc);
  const acc = new Float64Array(oc);
  // Output channels innermost: each input value is read once per tap and zeros (common
  // after ReLU) are skipped. This runs once, cold, on page load, so fewer bytecodes per
  // multiply matter more than the best order for optimised code.
  for (let oy = 0; oy < plan.outputHeight; oy++)
    for (let ox = 0; ox < plan.outputWidth; ox++) {
      for (let o = 0; o < oc; o++) acc[o] = bias ? (bias.data[o] as number) : 0;
      for (let ky = 0; ky < rows; ky++) {
        const iy = oy * sh - plan.padTop + ky * dh;
        if (iy < 0 || iy >= height) continue;
        for (let kx = 0; kx < cols; kx++) {
          const ix = ox * sw - plan.padLeft + kx * dw;
          if (ix < 0 || ix >= width) continue;
          const inBase = (iy * width + ix) * inC;
          const kBase = (ky * cols + kx) * inC * oc;
          for (let c = 0; c < inC; c++) {
            const v = x[inBase + c] as number;
            if (v === 0) continue;
            const row = kBase + c * oc;
            for (let o = 0; o < oc; o++) acc[o] = (acc[o] as number) + v * (k[row + o] as number);
          }
        }
      }
      out.set(acc, (oy * plan.outputWidth + ox) * oc);
    }
  return { data: out, shape: [plan.outputHeight, plan.outputWidth, oc] };
}

/** Max or average pooling over each channel's windows; padding cells never count. */
export function pool2d(input: TensorData, geometry: WindowGeometry, kind: 'max' | 'average'): TensorData {
  const [height, width, channels] = hwcShape(input, 'Pooling input');
  const plan = planWindow(height, width, geometry);
  const [sh, sw] = geometry.strides;
  const x = input.data;
  const out = new Float32Array(plan.outputHeight * plan.outputWidth * channels);
  if (kind === 'max' && max2x2(x, height, channels, plan, out))
    return { data: out, shape: [plan.outputHeight, plan.outputWidth, channels] };
  for (let oy = 0; oy < plan.outputHeight; oy++)
    for (let ox = 0; ox < plan.outputWidth; ox++) {
      const top = oy * sh - plan.padTop;
      const left = ox * sw - plan.padLeft;
      const rowEnd = Math.min(top + plan.kernel[0], height);
      const colEnd = Math.min(left + plan.kernel[1], width);
      const base = (oy * plan.outputWidth + ox) * channels;
      for (let c = 0; c < channels; c++) {
        let best = -Infinity;
        let sum = 0;
        let count = 0;
        for (let iy = Math.max(top, 0); iy < rowEnd; iy++)
          for (let ix = Math.max(left, 0); ix < colEnd; ix++) {
            const v = x[(iy * width + ix) * channels + c] as number;
            if (v > best) best = v;
            sum += v;
            count++;
          }
        out[base + c] = kind === 'max' ? best : sum / count;
      }
    }
  return { data: out, shape: [plan.outputHeight, plan.outputWidth, channels] };
}

/**
 * The common max pool (2×2 windows, every window inside the input) in a plain loop: the same
 * result as the general one (NaN never wins, from −∞), with a fraction of its steps. The first
 * forward pass runs each kernel once, mostly before the engine has optimised it, so the steps
 * the loop takes are what it costs. Returns false for any other pool.
 */
function max2x2(
  x: Float32Array,
  height: number,
  channels: number,
  plan: WindowPlan,
  out: Float32Array,
): boolean {
  const width = plan.inputWidth;
  const [sh, sw] = plan.strides;
  const [kh, kw] = plan.kernel;
  const [dh, dw] = plan.dilation;
  if (kh !== 2 || kw !== 2 || dh !== 1 || dw !== 1 || plan.padTop !== 0 || plan.padLeft !== 0) return false;
  if ((plan.outputHeight - 1) * sh + 2 > height || (plan.outputWidth - 1) * sw + 2 > width) return false;
  const row = width * channels;
  let o = 0;
  for (let oy = 0; oy < plan.outputHeight; oy++)
    for (let ox = 0; ox < plan.outputWidth; ox++) {
      let i = (oy * sh * width + ox * sw) * channels;
      for (let c = 0; c < channels; c++, i++) {
        let best = -Infinity;
        const a = x[i]!;
        const b = x[i + channels]!;
        const d = x[i + row]!;
        const e = x[i + row + channels]!;
        if (a > best) best = a;
        if (b > best) best = b;
        if (d > best) best = d;
        if (e > best) best = e;
        out[o++] = best;
      }
    }
  return true;
}

/** One value per channel over every spatial position. */
export function globalPool(input: TensorData, kind: 'max' | 'average'): TensorData {
  const channels = input.shape[input.shape.length - 1] ?? 0;
  const positions = channels > 0 ? input.data.length / channels : 0;
  const out = new Float32Array(channels).fill(kind === 'max' ? -Infinity : 0);
  for (let p = 0; p < positions; p++)
    for (let c = 0; c < channels; c++) {
      const v = input.data[p * channels + c] as number;
      out[c] = kind === 'max' ? Math.max(out[c] as number, v) : (out[c] as number) + v / positions;
    }
  return { data: out, shape: [channels] };
}

/** Dense along the last axis: y = x·K + b for every leading position. */
export function dense(input: TensorData, kernel: TensorData, bias: TensorData | undefined): TensorData {
  const [inUnits = 0, units = 0] = kernel.shape;
  const last = input.shape[input.shape.length - 1];
  if (kernel.shape.length !== 2 || last !== inUnits)
    throw new RangeError(`Dense kernel [${kernel.shape.join(', ')}] does not fit an input of ${last} values`);
  const rows = input.data.length / inUnits;
  const out = new Float32Array(rows * units);
  const acc = new Float64Array(units);
  for (let r = 0; r < rows; r++) {
    for (let u = 0; u < units; u++) acc[u] = bias?.data[u] ?? 0;
    for (let i = 0; i < inUnits; i++) {
      const v = input.data[r * inUnits + i] as number;
      if (v === 0) continue;
      const row = i * units;
      for (let u = 0; u < units; u++) acc[u] = (acc[u] as number) + v * (kernel.data[row + u] as number);
    }
    out.set(acc, r * units);
  }
  return { data: out, shape: [...input.shape.slice(0, -1), units] };
}

/**
 * Softmax, or its logarithm, along the last axis: each row shifted by its maximum so nothing
 * overflows; log-softmax is x − max − log Σ exp(x − max).
 */
function softmaxRows(input: TensorData, log: boolean): TensorData {
  const n = input.shape[input.shape.length - 1] ?? 0;
  const out = new Float32Array(input.data.length);
  for (let start = 0; start + n <= input.data.length && n > 0; start += n) {
    const row = input.data.subarray(start, start + n);
    let max = -Infinity;
    for (const v of row) max = Math.max(max, v);
    let sum = 0;
    for (const v of row) sum += Math.exp(v - max);
    for (let i = 0; i < n; i++) {
      const shifted = (row[i] as number) - max;
      out[start + i] = log ? shifted - Math.log(sum) : Math.exp(shifted) / sum;
    }
  }
  return { data: out, shape: [...input.shape] };
}

/** Softmax along the last axis. */
export function softmaxLastAxis(input: TensorData): TensorData {
  return softmaxRows(input, false);
}

/**
 * erf as tfjs computes it (Abramowitz & Stegun 7.1.26, error < 1.5e-7), so GELU matches it;
 * JavaScript has no Math.erf.
 */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return Math.sign(x) * (1 - poly * Math.exp(-x * x));
}

const softplus = activationFunction('softplus');

/** Keras activations the formula views do not draw, as tfjs-layers defines them. */
const EXTRA: Record<string, (x: number) => number> = {
  gelu: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
  mish: (x) => x * Math.tanh(softplus(x)),
};

/** A layer's activation by its Keras name: element-wise, or (log-)softmax along the last axis. */
export function activate(input: TensorData, name: string, options: ActivationOptions = {}): TensorData {
  if (name === 'softmax') return softmaxLastAxis(input);
  if (name === 'log_softmax') return softmaxRows(input, true);
  if (name === 'linear') return input;
  if (name === 'relu') return { data: relu(input.data), shape: [...input.shape] };
  const f = EXTRA[name] ?? activationFunction(name, options);
  return { data: input.data.map(f), shape: [...input.shape] };
}

/**
 * ReLU as a plain loop, the same values as activationFunction('relu') (Math.max(x, 0): NaN
 * stays NaN, −0 becomes 0) without a call per element: the first forward pass runs it once
 * per layer, mostly before the engine has optimised it.
 */
function relu(x: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = v > 0 || v !== v ? v : 0;
  }
  return out;
}
