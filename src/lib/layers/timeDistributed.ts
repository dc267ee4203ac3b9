/** TimeDistributed: applies one wrapped layer, with one set of weights, to every step of a sequence. */
import type { LayerDef } from './types';
import { dense } from './dense';
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { maxPooling1d } from './maxPooling1d';
import { maxPooling2d } from './maxPooling2d';
import { averagePooling2d } from './averagePooling2d';
import { globalAveragePooling2d } from './globalAveragePooling2d';
import { globalMaxPooling2d } from './globalMaxPooling2d';
import { flatten } from './flatten';
import { dropout } from './dropout';
import { activation } from './activation';
import { innerFromKeras, innerToKeras, layerParam, prefixedDefs, resolveInner } from './shared/wrapper';
import { fmtShape } from './shared/windowMath';

const WRAPPABLE: readonly LayerDef[] = [
  dense,
  conv2d,
  conv1d,
  maxPooling2d,
  maxPooling1d,
  averagePooling2d,
  globalAveragePooling2d,
  globalMaxPooling2d,
  flatten,
  dropout,
  activation,
];

const wrapped = layerParam(WRAPPABLE, {
  en: 'The layer applied to every step; its own settings appear below.',
  zh: '作用于每一步的层；它自己的设置显示在下方。',
});

export const timeDistributed: LayerDef = {
  type: 'TimeDistributed',
  category: 'Wrapper',
  // The wrapped layer's own view, for the time step the learner picks (src/views/detail/wrapper).
  formula: 'timeDistributed',
  description: {
    en: 'Applies the wrapped layer to every step of a sequence separately, with the same weights each time: wrapping a Conv2D turns a video of [frames, height, width, channels] into one feature map per frame. The first axis of the input is the time axis and is kept.',
    zh: '把被包装的层分别作用于序列的每一步，每次使用相同的权重：包装一个 Conv2D，就能把 [帧, 高, 宽, 通道] 的视频变成每帧一张特征图。输入的第一个维度是时间维度，会被保留。',
  },
  params: [wrapped],
  paramsFor(params) {
    const inner = WRAPPABLE.find((d) => d.type === params.layer);
    return inner ? [wrapped, ...prefixedDefs(inner)] : [wrapped];
  },
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    if (input.length < 2)
      return {
        error: {
          en: `needs a sequence of steps × features, got ${fmtShape(input)}`,
          zh: `需要 步数 × 特征 的序列，实际为 ${fmtShape(input)}`,
        },
      };
    const inner = resolveInner(WRAPPABLE, p);
    if ('error' in inner) return inner;
    const r = inner.def.inferShape(inner.params, [input.slice(1)]);
    if ('error' in r)
      return {
        error: {
          en: `wrapped ${inner.def.type}: ${r.error.en}`,
          zh: `被包装的 ${inner.def.type}：${r.error.zh}`,
        },
      };
    return { shape: [input[0] ?? 0, ...r.shape] };
  },
  weights(p, [input = []]) {
    const inner = resolveInner(WRAPPABLE, p);
    return 'error' in inner ? [] : inner.def.weights(inner.params, [input.slice(1)]);
  },
  countMacs(p, [input = []], out) {
    const inner = resolveInner(WRAPPABLE, p);
    if ('error' in inner) return 0;
    return (input[0] ?? 0) * inner.def.countMacs(inner.params, [input.slice(1)], out.slice(1));
  },
  keras: {
    className: 'TimeDistributed',
    toConfig(p) {
      const inner = resolveInner(WRAPPABLE, p);
      if ('error' in inner) throw new Error(inner.error.en);
      return { layer: innerToKeras(inner.def, inner.params) };
    },
    fromConfig: (c) => innerFromKeras(WRAPPABLE, c),
  },
};
