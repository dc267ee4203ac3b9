/**
 * HardSigmoid: clip(alpha·x + beta, 0, 1), ONNX's HardSigmoid with its two attributes.
 * alpha 0.2, beta 0.5 is tfjs' (and Keras 2's) `hard_sigmoid`, built as that activation and
 * written to Keras files as it. PyTorch's Hardsigmoid (MobileNetV3's squeeze-and-excitation
 * gate, and Keras 3's hard_sigmoid) is relu6(x + 3) / 6, alpha 1/6: tfjs has no such function,
 * so any other alpha or beta runs on the engine's own layer (src/lib/engine/hardSigmoid.ts),
 * which a Keras file for tfjs cannot hold (tfjs would read `hard_sigmoid` as 0.2·x + 0.5).
 */
import type { LayerParams } from '../spec/types';
import type { LayerDef } from './types';
import { elementwise } from './shared/fixedActivation';
import { readFloat } from './shared/kerasConfig';

export const TFJS_HARD_SIGMOID = { alpha: 0.2, beta: 0.5 } as const;

/** alpha and beta, their defaults when absent (files written before they existed). */
export function hardSigmoidParams(params: LayerParams): { alpha: number; beta: number } {
  const read = (name: 'alpha' | 'beta'): number => {
    const v = params[name];
    return typeof v === 'number' ? v : TFJS_HARD_SIGMOID[name];
  };
  return { alpha: read('alpha'), beta: read('beta') };
}

/** True when these params are tfjs' own hard sigmoid, 0.2·x + 0.5 (float32 rounding allowed). */
export function isTfjsHardSigmoid(params: LayerParams): boolean {
  const { alpha, beta } = hardSigmoidParams(params);
  return Math.abs(alpha - TFJS_HARD_SIGMOID.alpha) < 1e-6 && Math.abs(beta - TFJS_HARD_SIGMOID.beta) < 1e-6;
}

export const hardSigmoid: LayerDef = {
  type: 'HardSigmoid',
  ...elementwise,
  description: {
    en: 'A cheap straight-line stand-in for the sigmoid: alpha·x + beta, clipped to the range 0 to 1. It needs no exponential, which matters on phones and microcontrollers. tfjs and Keras 2 use alpha 0.2; PyTorch, Keras 3 and MobileNetV3 use 1/6, which is relu6(x + 3) / 6. Both use beta 0.5, so the curve passes through 0.5 at x = 0.',
    zh: 'sigmoid 的廉价直线替代：alpha·x + beta，并截断到 0 到 1 之间。它不需要指数运算，这在手机和微控制器上很重要。tfjs 和 Keras 2 使用 alpha 0.2；PyTorch、Keras 3 和 MobileNetV3 使用 1/6，即 relu6(x + 3) / 6。两者的 beta 都是 0.5，所以曲线在 x = 0 处经过 0.5。',
  },
  params: [
    {
      name: 'alpha',
      kind: 'float',
      default: TFJS_HARD_SIGMOID.alpha,
      min: -1000,
      max: 1000,
      optional: true,
      label: { en: 'Slope (alpha)', zh: '斜率（alpha）' },
      help: {
        en: 'Slope of the straight part: 0.2 in tfjs and Keras 2, 1/6 ≈ 0.1667 in PyTorch and MobileNetV3.',
        zh: '直线部分的斜率：tfjs 和 Keras 2 为 0.2，PyTorch 和 MobileNetV3 为 1/6 ≈ 0.1667。',
      },
    },
    {
      name: 'beta',
      kind: 'float',
      default: TFJS_HARD_SIGMOID.beta,
      min: -1000,
      max: 1000,
      optional: true,
      label: { en: 'Offset (beta)', zh: '偏移（beta）' },
      help: {
        en: 'Value at x = 0 before clipping; 0.5 in every common definition.',
        zh: '截断前在 x = 0 处的值；常见定义中都是 0.5。',
      },
    },
  ],
  formula: 'activation',
  activationOf: (p) => ({ name: 'hard_sigmoid', ...hardSigmoidParams(p) }),
  keras: {
    className: 'Activation',
    classNameFor: (p) => (isTfjsHardSigmoid(p) ? 'Activation' : 'HardSigmoid'),
    toConfig: (p) => (isTfjsHardSigmoid(p) ? { activation: 'hard_sigmoid' } : hardSigmoidParams(p)),
    // Keras files' `Activation` is read by the Activation layer; this reads the engine's configs.
    fromConfig: (c): LayerParams =>
      c.alpha === undefined && c.beta === undefined
        ? {}
        : {
            alpha: readFloat(c, 'alpha', { dflt: TFJS_HARD_SIGMOID.alpha }),
            beta: readFloat(c, 'beta', { dflt: TFJS_HARD_SIGMOID.beta }),
          },
    notInKerasFor: (p) =>
      isTfjsHardSigmoid(p)
        ? undefined
        : {
            en: `tfjs' and Keras 2's hard_sigmoid is fixed at 0.2·x + 0.5, and this one is ${hardSigmoidParams(p).alpha}·x + ${hardSigmoidParams(p).beta}; export to ONNX or PyTorch instead, or set alpha 0.2 and beta 0.5`,
            zh: `tfjs 和 Keras 2 的 hard_sigmoid 固定为 0.2·x + 0.5，而此层是 ${hardSigmoidParams(p).alpha}·x + ${hardSigmoidParams(p).beta}；请改为导出 ONNX 或 PyTorch，或把 alpha 设为 0.2、beta 设为 0.5`,
          },
  },
};
