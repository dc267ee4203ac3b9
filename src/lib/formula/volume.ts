/**
 * 3-D windows (Conv3D, MaxPooling3D, AveragePooling3D) over a volume [D, H, W, C] without the
 * batch axis, channels last as tfjs stores it; a Conv3D kernel is [kd, kh, kw, inC, outC].
 * Each axis follows the 2-D rules of ../tensor/window: valid ⌊(in − effK) / s⌋ + 1, same ⌈in / s⌉,
 * same padding ⌊total/2⌋ before and the rest after. Pooling skips padding cells (tfjs does).
 */
import type { LayerParams } from '../spec/types';
import type { TensorData } from '../tensor/types';
import { requireIndex } from '../tensor/layout';
import { windowOutputSize, type Padding } from '../tensor/window';

export type Triple = [number, number, number];

export interface VolumeGeometry {
  /** Taps of the window along depth, rows, cols. */
  kernel: Triple;
  strides: Triple;
  dilation: Triple;
  padding: Padding;
}

export interface VolumePlan extends VolumeGeometry {
  input: Triple;
  output: Triple;
  /** Zeros before (front, top, left) and after each axis under same padding. */
  padBefore: Triple;
  padAfter: Triple;
  /** Extent the dilated window covers along each axis. */
  effective: Triple;
}

/** A position in a volume: depth slice, row, col, channel. */
export interface VolumePosition {
  depth: number;
  row: number;
  col: number;
  channel: number;
}

/** One tap of the window at one output position, in input coordinates (outside the input for padding). */
export interface VolumeTap {
  kernelDepth: number;
  kernelRow: number;
  kernelCol: number;
  depth: number;
  row: number;
  col: number;
  source: 'input' | 'padding';
}

export function tripleParam(value: unknown, fallback: Triple): Triple {
  if (typeof value === 'number') return [value, value, value];
  if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'number'))
    return [value[0] as number, value[1] as number, value[2] as number];
  return fallback;
}

/** [D, H, W, C] of a volume; throws naming the shape otherwise. */
export function volumeShape(t: TensorData, what: string): [number, number, number, number] {
  const [d = 0, h = 0, w = 0, c = 0] = t.shape;
  if (t.shape.length !== 4 || d * h * w * c !== t.data.length)
    throw new RangeError(`${what} must be depth × height × width × channels, got [${t.shape.join(', ')}]`);
  return [d, h, w, c];
}

/** Offset of (d, r, c, ch) in a row-major [D, H, W, C] volume. */
export function volumeIndex(shape: readonly number[], at: VolumePosition): number {
  const [, h = 0, w = 0, c = 0] = shape;
  return ((at.depth * h + at.row) * w + at.col) * c + at.channel;
}

export function readVolume(t: TensorData, at: VolumePosition): number {
  return t.data[volumeIndex(t.shape, at)] ?? Number.NaN;
}

/** One depth slice of one channel, H × W row-major: what a slice picture draws. */
export function volumeSlice(t: TensorData, depth: number, channel: number): Float32Array {
  const [, h = 0, w = 0] = t.shape;
  return Float32Array.from({ length: h * w }, (_, i) =>
    readVolume(t, { depth, row: Math.floor(i / w), col: i % w, channel }),
  );
}

/** Output size and padding of a 3-D window over a D×H×W input; throws when nothing fits. */
export function planVolume(input: Triple, g: VolumeGeometry): VolumePlan {
  const numbers = [...input, ...g.kernel, ...g.strides, ...g.dilation];
  if (numbers.some((n) => !Number.isInteger(n) || n < 1))
    throw new RangeError(`window sizes must be whole numbers ≥ 1, got ${numbers.join(', ')}`);
  const axes = input.map((size, a) => {
    const k = g.kernel[a] ?? 1;
    const s = g.strides[a] ?? 1;
    const dil = g.dilation[a] ?? 1;
    const effective = (k - 1) * dil + 1;
    const out = windowOutputSize(size, k, s, dil, g.padding);
    const total = g.padding === 'same' ? Math.max(0, (out - 1) * s + effective - size) : 0;
    return { out, before: Math.floor(total / 2), after: total - Math.floor(total / 2), effective };
  });
  const pick = (f: (x: (typeof axes)[number]) => number): Triple => [f(axes[0]!), f(axes[1]!), f(axes[2]!)];
  const output = pick((x) => x.out);
  if (output.some((n) => n < 1))
    throw new RangeError(
      `a ${pick((x) => x.effective).join('×')} window does not fit a ${input.join('×')} volume without padding`,
    );
  return {
    ...g,
    input,
    output,
    padBefore: pick((x) => x.before),
    padAfter: pick((x) => x.after),
    effective: pick((x) => x.effective),
  };
}

/** Input coordinate of the first tap along each axis for an output position. */
export function windowCorner(plan: VolumePlan, at: Omit<VolumePosition, 'channel'>): Triple {
  const out = [at.depth, at.row, at.col];
  return [0, 1, 2].map((a) => {
    requireIndex(out[a] ?? -1, plan.output[a] ?? 0, ['output depth', 'output row', 'output column'][a] ?? '');
    return (out[a] ?? 0) * (plan.strides[a] ?? 1) - (plan.padBefore[a] ?? 0);
  }) as Triple;
}

/** Every tap of the window at an output position, depth slice by slice, then row by row. */
export function volumeTaps(plan: VolumePlan, at: Omit<VolumePosition, 'channel'>): VolumeTap[] {
  const corner = windowCorner(plan, at);
  const [kd, kh, kw] = plan.kernel;
  const taps: VolumeTap[] = [];
  for (let z = 0; z < kd; z++)
    for (let y = 0; y < kh; y++)
      for (let x = 0; x < kw; x++) {
        const depth = corner[0] + z * plan.dilation[0];
        const row = corner[1] + y * plan.dilation[1];
        const col = corner[2] + x * plan.dilation[2];
        const inside =
          depth >= 0 &&
          depth < plan.input[0] &&
          row >= 0 &&
          row < plan.input[1] &&
          col >= 0 &&
          col < plan.input[2];
        taps.push({
          kernelDepth: z,
          kernelRow: y,
          kernelCol: x,
          depth,
          row,
          col,
          source: inside ? 'input' : 'padding',
        });
      }
  return taps;
}

/** Every output position in visiting order: slice by slice, row by row. */
export function volumeOutputPositions(plan: VolumePlan): Omit<VolumePosition, 'channel'>[] {
  const [d, h, w] = plan.output;
  return Array.from({ length: d * h * w }, (_, i) => ({
    depth: Math.floor(i / (h * w)),
    row: Math.floor(i / w) % h,
    col: i % w,
  }));
}

/** Reads the 3-D window params of a Conv3D or pooling layer; pooling strides default to the pool size. */
export function volumeGeometry(params: LayerParams, windowParam: 'kernelSize' | 'poolSize'): VolumeGeometry {
  const kernel = tripleParam(params[windowParam], windowParam === 'poolSize' ? [2, 2, 2] : [3, 3, 3]);
  return {
    kernel,
    strides: tripleParam(params.strides, windowParam === 'poolSize' ? kernel : [1, 1, 1]),
    dilation: windowParam === 'poolSize' ? [1, 1, 1] : tripleParam(params.dilation, [1, 1, 1]),
    padding: params.padding === 'same' ? 'same' : 'valid',
  };
}
