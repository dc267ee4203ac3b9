/**
 * How a model wants its pixels: the part of preprocessing that belongs to the model, not to
 * the image. `preprocessImage` fits and resizes any picture to RGB in [0, 1]; this turns that
 * into what the net was trained on: greyscale or colour, RGB or BGR, a value scale, and a
 * per-channel mean and standard deviation. It lives in the Input layer's params, so the
 * spec carries it into files, the model library and share links.
 *
 * Order of operations, as torchvision and Caffe document theirs: colour → channels
 * (greyscale by luma, or RGB reordered) → scale → (x − mean[c]) / std[c].
 */
import type { LayerParams, Localized } from '../spec/types';

export const CHANNEL_ORDERS = ['rgb', 'bgr'] as const;
export const VALUE_SCALES = ['0-1', '0-255', '-1-1'] as const;
export type ChannelOrder = (typeof CHANNEL_ORDERS)[number];
export type ValueScale = (typeof VALUE_SCALES)[number];

export interface Preprocessing {
  /** 1 (greyscale) or 3 (colour), from the Input layer's shape. */
  channels: 1 | 3;
  order: ChannelOrder;
  scale: ValueScale;
  /** One value for every channel, or one per channel, in the scaled units. */
  mean: number[];
  std: number[];
}

/** ITU-R BT.601 luma, the weights PIL's convert('L') and OpenCV's cvtColor use. */
export const LUMA = [0.299, 0.587, 0.114] as const;

/** The usual presets: torchvision's ImageNet statistics, and Caffe's BGR mean pixel in 0–255. */
export const PRESETS = {
  imagenet: { scale: '0-1', order: 'rgb', mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] },
  caffe: { scale: '0-255', order: 'bgr', mean: [103.939, 116.779, 123.68], std: [1] },
  plain: { scale: '0-1', order: 'rgb', mean: [0], std: [1] },
} as const satisfies Record<
  string,
  Pick<Preprocessing, 'scale' | 'order'> & { mean: readonly number[]; std: readonly number[] }
>;

export type PreprocessingResult = { ok: true; value: Preprocessing } | { ok: false; error: Localized };

const fail = (en: string, zh: string): PreprocessingResult => ({ ok: false, error: { en, zh } });

function listProblem(
  name: string,
  zhName: string,
  v: unknown,
  channels: number,
  positive: boolean,
): PreprocessingResult | null {
  if (!Array.isArray(v) || (v.length !== 1 && v.length !== channels))
    return fail(
      `${name} must be 1 value or ${channels} (one per channel), not ${Array.isArray(v) ? v.length : JSON.stringify(v)}`,
      `${zhName}必须是 1 个值或 ${channels} 个（每个通道一个），而不是 ${Array.isArray(v) ? v.length : JSON.stringify(v)}`,
    );
  const bad = v.find((x) => typeof x !== 'number' || !Number.isFinite(x) || (positive && x <= 0));
  if (bad !== undefined)
    return fail(
      `${name} values must be ${positive ? 'numbers above 0' : 'finite numbers'}, not ${JSON.stringify(bad)}`,
      `${zhName}的值必须是${positive ? '大于 0 的数' : '有限的数'}，而不是 ${JSON.stringify(bad)}`,
    );
  return null;
}

/**
 * The preprocessing an Input layer's params and shape describe. Params an older file lacks
 * mean "as before" (RGB, 0–1, no normalisation); a present but wrong value is refused with a
 * message naming the field, never replaced.
 */
export function readPreprocessing(params: LayerParams, shape: readonly number[]): PreprocessingResult {
  const channels = shape.at(-1);
  if (shape.length !== 3 || (channels !== 1 && channels !== 3))
    return fail(
      `images need an input of height × width × 1 or 3 channels, not ${shape.join(' × ')}`,
      `图像输入必须是 高 × 宽 × 1 或 3 个通道，而不是 ${shape.join(' × ')}`,
    );
  const order = params.channelOrder ?? 'rgb';
  if (!CHANNEL_ORDERS.includes(order as ChannelOrder))
    return fail(
      `Channel order must be rgb or bgr, not ${JSON.stringify(order)}`,
      `通道顺序必须是 rgb 或 bgr，而不是 ${JSON.stringify(order)}`,
    );
  const scale = params.valueScale ?? '0-1';
  if (!VALUE_SCALES.includes(scale as ValueScale))
    return fail(
      `Value scale must be 0-1, 0-255 or -1-1, not ${JSON.stringify(scale)}`,
      `数值范围必须是 0-1、0-255 或 -1-1，而不是 ${JSON.stringify(scale)}`,
    );
  const mean = params.mean ?? [0];
  const std = params.std ?? [1];
  const problem =
    listProblem('Mean', '均值', mean, channels, false) ?? listProblem('Std', '标准差', std, channels, true);
  if (problem) return problem;
  return {
    ok: true,
    value: {
      channels,
      order: order as ChannelOrder,
      scale: scale as ValueScale,
      mean: [...(mean as number[])],
      std: [...(std as number[])],
    },
  };
}

/** True when the net takes the resized RGB values as they are (TinyVGG and every older file). */
export function isPlainRgb(p: Preprocessing): boolean {
  return (
    p.channels === 3 &&
    p.order === 'rgb' &&
    p.scale === '0-1' &&
    p.mean.every((m) => m === 0) &&
    p.std.every((s) => s === 1)
  );
}

const SCALE: Record<ValueScale, [number, number]> = { '0-1': [1, 0], '0-255': [255, 0], '-1-1': [2, -1] };

/**
 * HWC RGB values in [0, 1] (what `preprocessImage` makes) → the HWC values the net takes.
 * Plain RGB returns the very same array, so older models see exactly the numbers they did.
 */
export function applyPreprocessing(rgb: Float32Array, p: Preprocessing): Float32Array {
  if (rgb.length % 3 !== 0)
    throw new RangeError(`an RGB image has 3 values per pixel, not ${rgb.length} values`);
  if (isPlainRgb(p)) return rgb;
  const pixels = rgb.length / 3;
  const c = p.channels;
  const out = new Float32Array(pixels * c);
  const [mul, add] = SCALE[p.scale];
  const mean = Array.from({ length: c }, (_, k) => p.mean[p.mean.length === 1 ? 0 : k]!);
  const std = Array.from({ length: c }, (_, k) => p.std[p.std.length === 1 ? 0 : k]!);
  // Source channel of each output channel: BGR reads blue first.
  const from = p.order === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  for (let i = 0; i < pixels; i++) {
    for (let k = 0; k < c; k++) {
      const v =
        c === 1
          ? LUMA[0] * rgb[i * 3]! + LUMA[1] * rgb[i * 3 + 1]! + LUMA[2] * rgb[i * 3 + 2]!
          : rgb[i * 3 + from[k]!]!;
      out[i * c + k] = (v * mul + add - mean[k]!) / std[k]!;
    }
  }
  return out;
}

/**
 * How a pixel's [0, 1] intensity becomes the net's value in each of its channels (in the net's
 * order): value = gain·pixel + offset. A change of ε in the picture is ε·gain in the net, and
 * the picture's 0 and 1 are offset and gain + offset (FGSM keeps its image within them).
 */
export function pixelAffine(p: Preprocessing): { gain: number[]; offset: number[] } {
  const [mul, add] = SCALE[p.scale];
  const ks = Array.from({ length: p.channels }, (_, k) => k);
  const mean = (k: number): number => p.mean[p.mean.length === 1 ? 0 : k] ?? 0;
  const std = (k: number): number => p.std[p.std.length === 1 ? 0 : k] ?? 1;
  return { gain: ks.map((k) => mul / std(k)), offset: ks.map((k) => (add - mean(k)) / std(k)) };
}

/**
 * The model's value back to a displayable [0, 1] intensity for channel k in the net's order
 * (for the overview's input column): undoes std, mean and scale.
 */
export function displayValue(v: number, k: number, p: Preprocessing): number {
  const [mul, add] = SCALE[p.scale];
  const mean = p.mean[p.mean.length === 1 ? 0 : k] ?? 0;
  const std = p.std[p.std.length === 1 ? 0 : k] ?? 1;
  return (v * std + mean - add) / mul;
}

/** How the net's input channel k is drawn: as the light it carries, from black (lo) to full (hi). */
export interface ChannelLight {
  lo: number;
  hi: number;
  scheme: 'red' | 'green' | 'blue' | 'grey';
}

/** Per channel, in the net's order: what black and full light become after preprocessing. */
export function channelLights(p: Preprocessing): ChannelLight[] {
  const colours =
    p.order === 'bgr' ? (['blue', 'green', 'red'] as const) : (['red', 'green', 'blue'] as const);
  return Array.from({ length: p.channels }, (_, k) => {
    const a = toNet(0, k, p);
    const b = toNet(1, k, p);
    return { lo: Math.min(a, b), hi: Math.max(a, b), scheme: p.channels === 1 ? 'grey' : colours[k]! };
  });
}

function toNet(v: number, k: number, p: Preprocessing): number {
  const [mul, add] = SCALE[p.scale];
  const mean = p.mean[p.mean.length === 1 ? 0 : k] ?? 0;
  const std = p.std[p.std.length === 1 ? 0 : k] ?? 1;
  return (v * mul + add - mean) / std;
}

/** The net's HWC values back to displayable RGB in [0, 1] ("what the model sees"). */
export function displayRgb(values: Float32Array, p: Preprocessing): Float32Array {
  if (isPlainRgb(p)) return values;
  const c = p.channels;
  const pixels = Math.floor(values.length / c);
  const out = new Float32Array(pixels * 3);
  const to = p.order === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  for (let i = 0; i < pixels; i++)
    for (let k = 0; k < 3; k++) {
      const src = c === 1 ? 0 : to.indexOf(k);
      out[i * 3 + k] = Math.min(1, Math.max(0, displayValue(values[i * c + src]!, src, p)));
    }
  return out;
}
