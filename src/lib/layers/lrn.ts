/**
 * LRN, local response normalisation (AlexNet): each value divided by
 * (bias + alpha · Σ of squares over nearby channels)^beta. tfjs has the op, not a layer: the
 * engine registers one (src/lib/engine/lrn.ts). Keras has none, so Keras files cannot hold it.
 */
import type { LayerDef, ParamDef } from './types';
import { rankError } from './shared/windowMath';
import { num } from './shared/params';
import { readFloat, readInt } from './shared/kerasConfig';

function floatParam(
  name: string,
  dflt: number,
  max: number,
  en: string,
  zh: string,
  help: { en: string; zh: string },
): ParamDef {
  return { name, kind: 'float', default: dflt, min: 0, max, label: { en, zh }, help };
}

export const lrn: LayerDef = {
  type: 'LRN',
  category: 'Normalization',
  description: {
    en: 'Divides every value by a measure of how active the neighbouring channels are at the same position, (bias + alpha · sum of their squares)^beta. Strong responses thus damp their neighbours, loosely like lateral inhibition in the eye. AlexNet used it after its first two convolutions; batch normalisation has since replaced it.',
    zh: '把每个值除以同一位置上相邻通道活跃程度的度量，即 (bias + alpha · 它们的平方和)^beta。于是强响应会抑制其相邻通道，有点像眼睛里的侧抑制。AlexNet 在前两个卷积之后使用它；后来它被批归一化取代。',
  },
  params: [
    {
      name: 'depthRadius',
      kind: 'int',
      default: 2,
      min: 0,
      max: 64,
      label: { en: 'Depth radius', zh: '深度半径' },
      help: {
        en: 'Channels on each side included in the sum; AlexNet sums over 5 channels, radius 2.',
        zh: '求和时每侧包含的通道数；AlexNet 对 5 个通道求和，即半径 2。',
      },
    },
    floatParam('bias', 2, 100, 'Bias', '偏置', {
      en: 'Constant added before the power (AlexNet: 2).',
      zh: '取幂之前加上的常数（AlexNet：2）。',
    }),
    floatParam('alpha', 1e-4, 1, 'Alpha', 'Alpha', {
      en: 'Weight of the sum of squares (AlexNet: 0.0001).',
      zh: '平方和的权重（AlexNet：0.0001）。',
    }),
    floatParam('beta', 0.75, 10, 'Beta', 'Beta', {
      en: 'Exponent of the divisor (AlexNet: 0.75).',
      zh: '除数的指数（AlexNet：0.75）。',
    }),
  ],
  formula: 'lrn',
  arity: { min: 1, max: 1 },
  inferShape(_p, [input = []]) {
    const bad = rankError(input, 3, { en: 'height × width × channels', zh: '高 × 宽 × 通道' });
    if (bad) return { error: bad };
    return { shape: [...input] };
  },
  weights: () => [],
  countMacs: () => 0,
  keras: {
    // The engine's own tfjs layer (src/lib/engine/lrn.ts), over tfjs' op.
    className: 'LRN',
    toConfig: (p) => ({
      depth_radius: num(p, 'depthRadius'),
      bias: num(p, 'bias'),
      alpha: num(p, 'alpha'),
      beta: num(p, 'beta'),
    }),
    fromConfig: (c) => ({
      depthRadius: readInt(c, 'depth_radius', { min: 0 }),
      bias: readFloat(c, 'bias', { min: 0 }),
      alpha: readFloat(c, 'alpha', { min: 0 }),
      beta: readFloat(c, 'beta', { min: 0 }),
    }),
    notInKeras: {
      en: 'tfjs has the op tf.localResponseNormalization but no layer for it, nor does Keras; leave it out or use BatchNormalization, as later nets do',
      zh: 'tfjs 有 tf.localResponseNormalization 运算，但没有对应的层，Keras 也没有；可以去掉它，或像后来的网络那样改用 BatchNormalization',
    },
  },
};
