/**
 * Shape checks of sliding windows (convolution, pooling) for the layer modules' shape
 * inference, with messages. The output-size formula itself is `windowOutputSize`
 * (lib/tensor/window.ts), shared with the formula views and the forward pass.
 */
import type { Localized } from '../../spec/types';
import { windowOutputSize } from '../../tensor/window';

/** Names of the spatial axes for an N-D window, for messages. */
const AXES: Record<number, Localized> = {
  1: { en: 'steps × channels', zh: '步数 × 通道' },
  2: { en: 'height × width × channels', zh: '高 × 宽 × 通道' },
  3: { en: 'depth × height × width × channels', zh: '深 × 高 × 宽 × 通道' },
};

/**
 * Checks an N-D window (N = kernel length) against a [...spatial, channels] input; returns
 * the problem or the output's spatial sizes.
 */
export function windowNd(
  input: number[],
  kernel: number[],
  strides: number[],
  dilation: number[],
  padding: string,
  what: Localized,
): { size: number[] } | { error: Localized } {
  const rank = kernel.length;
  if (input.length !== rank + 1) {
    const axes = AXES[rank] ?? { en: `${rank} axes × channels`, zh: `${rank} 个维度 × 通道` };
    return {
      error: {
        en: `needs an input of ${axes.en}, got ${fmtShape(input)}`,
        zh: `需要 ${axes.zh} 的输入，实际为 ${fmtShape(input)}`,
      },
    };
  }
  const spatial = input.slice(0, rank);
  const effective = kernel.map((k, i) => (k - 1) * (dilation[i] ?? 1) + 1);
  if (padding !== 'same' && effective.some((e, i) => e > (spatial[i] ?? 0)))
    return {
      error: {
        en: `a ${fmtShape(effective)} ${what.en} does not fit a ${fmtShape(spatial)} input`,
        zh: `${fmtShape(effective)} 的${what.zh}放不进 ${fmtShape(spatial)} 的输入`,
      },
    };
  const size = spatial.map((n, i) =>
    windowOutputSize(n, kernel[i] ?? 1, strides[i] ?? 1, dilation[i] ?? 1, padding),
  );
  return { size };
}

/** Checks a 2-D window against a [h, w, c] input; returns the problem or the output [h, w]. */
export function window2d(
  input: number[],
  kernel: number[],
  strides: number[],
  dilation: number[],
  padding: string,
  what: Localized,
): { size: [number, number] } | { error: Localized } {
  const r = windowNd(input, kernel, strides, dilation, padding, what);
  if ('error' in r) return r;
  return { size: [r.size[0] ?? 0, r.size[1] ?? 0] };
}

/**
 * Strides and dilation above 1 on the same layer: tfjs and Keras refuse it, so every
 * convolution checks it the same way.
 */
export function stridedDilationError(strides: number[], dilation: number[]): Localized | null {
  if (strides.some((s) => s > 1) && dilation.some((d) => d > 1))
    return {
      en: 'strides and dilation cannot both be above 1 (tfjs and Keras refuse it)',
      zh: '步长和膨胀率不能同时大于 1（tfjs 与 Keras 均不支持）',
    };
  return null;
}

/** The problem when an input does not have exactly `rank` axes, or null. */
export function rankError(input: readonly number[], rank: number, what: Localized): Localized | null {
  if (input.length === rank) return null;
  return {
    en: `needs an input of ${what.en} (${rank} axes), got ${fmtShape(input)}`,
    zh: `需要 ${what.zh} 的输入（${rank} 个维度），实际为 ${fmtShape(input)}`,
  };
}

export function fmtShape(shape: readonly number[]): string {
  return shape.length === 0 ? '(scalar)' : shape.join('×');
}

export function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
