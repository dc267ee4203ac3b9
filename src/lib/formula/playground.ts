/**
 * The hyperparameter playground's arithmetic, independent of any model: a square W×W input,
 * padding P on every side, a K×K kernel and stride S give ⌊(W − K + 2P) / S⌋ + 1 outputs per
 * axis. Rows and columns behave the same, so the checks run on one axis and the 2-D kernel
 * positions are listed row by row (as an NHWC map is stored) in padded coordinates, where
 * input cell (r, c) sits at (r + P, c + P).
 */
import type { Localized } from '../spec/types';

export interface PlaygroundSettings {
  inputSize: number;
  padding: number;
  kernelSize: number;
  stride: number;
}

export type PlaygroundParam = keyof PlaygroundSettings;

type Limits = Record<PlaygroundParam, { min: number; max: number }>;

/**
 * The fixed bounds. A kernel wider than the padded input is not refused but explained (it has
 * no place to go); its bound only keeps the drawing finite (three times the largest input).
 */
export const PLAYGROUND_LIMITS: Limits = {
  inputSize: { min: 1, max: 32 },
  padding: { min: 0, max: 32 },
  kernelSize: { min: 1, max: 96 },
  stride: { min: 1, max: 96 },
};

const isWhole = (v: number, min: number, max: number): boolean => Number.isInteger(v) && v >= min && v <= max;

/** The padded input's width, W + 2P, when both are valid; null otherwise. */
function paddedWidth(s: PlaygroundSettings): number | null {
  const { inputSize: w, padding: p } = PLAYGROUND_LIMITS;
  return isWhole(s.inputSize, w.min, w.max) && isWhole(s.padding, p.min, p.max)
    ? s.inputSize + 2 * s.padding
    : null;
}

/**
 * The bounds for these settings: the stride goes up to the padded input's width (a longer
 * stride has nowhere to go: from there on every stride gives the same single position).
 */
export function playgroundLimits(settings: PlaygroundSettings): Limits {
  const padded = paddedWidth(settings);
  return padded === null ? PLAYGROUND_LIMITS : { ...PLAYGROUND_LIMITS, stride: { min: 1, max: padded } };
}

/**
 * Settings after a change of input size or padding: a stride left wider than the new padded
 * input is brought down to its width, which gives the same single position; null when the
 * stride still fits. The playground says so rather than leaving a stride it would refuse.
 */
export function fitStride(
  settings: PlaygroundSettings,
): { settings: PlaygroundSettings; message: Localized } | null {
  const padded = paddedWidth(settings);
  if (padded === null || settings.stride <= padded) return null;
  return {
    settings: { ...settings, stride: padded },
    message: {
      en: `The stride ${settings.stride} was wider than the ${padded}-wide padded input; it is now ${padded}, which gives the same single position.`,
      zh: `步长 ${settings.stride} 比填充后宽 ${padded} 的输入还宽；现在改为 ${padded}，结果同样只有一个位置。`,
    },
  };
}

const PARAM_NAMES: Record<PlaygroundParam, Localized> = {
  inputSize: { en: 'Input size', zh: '输入大小' },
  padding: { en: 'Padding', zh: '填充' },
  kernelSize: { en: 'Kernel size', zh: '卷积核大小' },
  stride: { en: 'Stride', zh: '步长' },
};

export type PlaygroundIssue =
  | { kind: 'invalid-value'; param: PlaygroundParam; value: number; message: Localized }
  | { kind: 'kernel-too-large'; kernelSize: number; paddedSize: number; message: Localized }
  /** Input rows (and as many columns) the kernel never covers, counted per axis. */
  | { kind: 'unvisited'; atEnd: number; inGaps: number; indices: number[]; cells: number; message: Localized }
  /** Kernel positions per axis that cover only padding. */
  | { kind: 'padding-only-windows'; count: number; message: Localized };

export interface KernelPosition {
  step: number;
  outRow: number;
  outCol: number;
  /** Top-left of the kernel in padded coordinates, 0…W + 2P − K. */
  top: number;
  left: number;
}

export type PlaygroundResult =
  | { ok: false; issues: PlaygroundIssue[]; explanation: Localized }
  | {
      ok: true;
      outputSize: number;
      paddedSize: number;
      /** The size formula with the numbers filled in, e.g. ⌊(7 − 3 + 2·1) / 2⌋ + 1 = 4. */
      formula: string;
      positions: KernelPosition[];
      /** Warnings: the combination works but wastes input or positions. */
      issues: PlaygroundIssue[];
      explanation: Localized;
    };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function checkValues(settings: PlaygroundSettings): PlaygroundIssue[] {
  const limits = playgroundLimits(settings);
  return (Object.keys(limits) as PlaygroundParam[]).flatMap((param) => {
    const value = settings[param];
    const { min, max } = limits[param];
    if (isWhole(value, min, max)) return [];
    const name = PARAM_NAMES[param];
    const strideWhy: Localized =
      param === 'stride' && max !== PLAYGROUND_LIMITS.stride.max
        ? {
            en: ` (the padded input is ${max} wide, so a longer stride has nowhere to go)`,
            zh: `（填充后的输入宽 ${max}，更长的步长无处可走）`,
          }
        : { en: '', zh: '' };
    const message: Localized = Number.isInteger(value)
      ? {
          en: `${name.en} must be from ${min} to ${max}${strideWhy.en}, not ${value}.`,
          zh: `${name.zh}必须在 ${min} 到 ${max} 之间${strideWhy.zh}，而不是 ${value}。`,
        }
      : {
          en: `${name.en} must be a whole number, not ${value}.`,
          zh: `${name.zh}必须是整数，而不是 ${value}。`,
        };
    return [{ kind: 'invalid-value' as const, param, value, message }];
  });
}

/** Input indices (0…W−1) along one axis that no kernel position covers. */
function uncoveredIndices(settings: PlaygroundSettings, outputSize: number): number[] {
  const { inputSize: w, padding: p, kernelSize: k, stride: s } = settings;
  const covered = new Array<boolean>(w + 2 * p).fill(false);
  for (let i = 0; i < outputSize; i++) for (let t = 0; t < k; t++) covered[i * s + t] = true;
  return Array.from({ length: w }, (_, i) => i).filter((i) => !covered[i + p]);
}

export function playground(settings: PlaygroundSettings): PlaygroundResult {
  const invalid = checkValues(settings);
  const first = invalid[0];
  if (first) return { ok: false, issues: invalid, explanation: first.message };
  const { inputSize: w, padding: p, kernelSize: k, stride: s } = settings;
  const paddedSize = w + 2 * p;
  if (k > paddedSize) {
    const message = {
      en: `A ${k}×${k} kernel does not fit the ${w}×${w} input even with padding ${p} (W + 2P = ${paddedSize} < ${k}): there is no place to put it, so there is no output.`,
      zh: `即使填充 ${p}，${k}×${k} 的卷积核也放不进 ${w}×${w} 的输入（W + 2P = ${paddedSize} < ${k}）：没有可放置的位置，也就没有输出。`,
    };
    return {
      ok: false,
      issues: [{ kind: 'kernel-too-large', kernelSize: k, paddedSize, message }],
      explanation: message,
    };
  }
  const span = w - k + 2 * p;
  const outputSize = Math.floor(span / s) + 1;
  const formula = `⌊(${w} − ${k} + 2·${p}) / ${s}⌋ + 1 = ${outputSize}`;
  const issues: PlaygroundIssue[] = [];

  const indices = uncoveredIndices(settings, outputSize);
  if (indices.length > 0) {
    const lastCovered = (outputSize - 1) * s + k - 1 - p;
    const atEnd = indices.filter((i) => i > lastCovered).length;
    const inGaps = indices.length - atEnd;
    const covered = w - indices.length;
    const parts: Localized[] = [];
    if (atEnd > 0)
      parts.push({
        en: `W − K + 2P = ${span} is not a multiple of the stride ${s}, so the kernel never reaches the last ${plural(atEnd, 'row and column', 'rows and columns')} of the input.`,
        zh: `W − K + 2P = ${span} 不是步长 ${s} 的倍数，卷积核到不了输入的最后 ${atEnd} 行和 ${atEnd} 列。`,
      });
    if (inGaps > 0)
      parts.push({
        en: `The stride ${s} is larger than the kernel ${k}, so the kernel jumps over ${plural(inGaps, 'row and column', 'rows and columns')} between positions.`,
        zh: `步长 ${s} 大于卷积核大小 ${k}，卷积核在相邻位置之间共跳过 ${inGaps} 行和 ${inGaps} 列。`,
      });
    const cells = w * w - covered * covered;
    issues.push({
      kind: 'unvisited',
      atEnd,
      inGaps,
      indices,
      cells,
      message: {
        en: `${parts.map((m) => m.en).join(' ')} ${plural(cells, 'input cell', 'input cells')} never affect the output.`,
        zh: `${parts.map((m) => m.zh).join('')}有 ${cells} 个输入单元格不会影响输出。`,
      },
    });
  }

  let paddingOnly = 0;
  for (let i = 0; i < outputSize; i++) if (i * s + k - 1 < p || i * s >= p + w) paddingOnly++;
  if (paddingOnly > 0)
    issues.push({
      kind: 'padding-only-windows',
      count: paddingOnly,
      message: {
        en: `The padding ${p} is at least the kernel size ${k}, so ${plural(paddingOnly, 'position', 'positions')} per row and column see only padding zeros.`,
        zh: `填充 ${p} 不小于卷积核大小 ${k}，每行每列有 ${paddingOnly} 个位置只覆盖填充的零。`,
      },
    });

  const positions: KernelPosition[] = [];
  for (let outRow = 0; outRow < outputSize; outRow++)
    for (let outCol = 0; outCol < outputSize; outCol++)
      positions.push({ step: positions.length, outRow, outCol, top: outRow * s, left: outCol * s });

  const paddedText: Localized =
    p > 0
      ? {
          en: ` padded by ${p} to ${paddedSize}×${paddedSize}`,
          zh: `（填充 ${p} 后为 ${paddedSize}×${paddedSize}）`,
        }
      : { en: '', zh: '' };
  const explanation: Localized = {
    en: `A ${k}×${k} kernel moving ${s} cell${s === 1 ? '' : 's'} at a time over the ${w}×${w} input${paddedText.en} fits in ${plural(outputSize, 'position', 'positions')} per row and column, so the output is ${outputSize}×${outputSize}: ${formula}.`,
    zh: `${k}×${k} 的卷积核以步长 ${s} 在 ${w}×${w} 的输入${paddedText.zh}上滑动，每行每列有 ${outputSize} 个位置，所以输出为 ${outputSize}×${outputSize}：${formula}。`,
  };
  return { ok: true, outputSize, paddedSize, formula, positions, issues, explanation };
}
