/**
 * Bidirectional: runs a wrapped recurrent layer forwards and a copy backwards over the
 * sequence and merges the two outputs; it has twice the wrapped layer's weights.
 */
import type { LayerDef, ParamDef } from './types';
import { str } from './shared/params';
import { readChoice } from './shared/kerasConfig';
import { simpleRnn } from './simpleRnn';
import { gru } from './gru';
import { lstm } from './lstm';
import { innerFromKeras, innerToKeras, layerParam, prefixedDefs, resolveInner } from './shared/wrapper';

const WRAPPABLE: readonly LayerDef[] = [lstm, gru, simpleRnn];
const MERGE_MODES = ['concat', 'sum', 'mul', 'ave'] as const;

const wrapped = layerParam(WRAPPABLE, {
  en: 'The recurrent layer run in both directions; its own settings appear below.',
  zh: '在两个方向上运行的循环层；它自己的设置显示在下方。',
});

const mergeMode: ParamDef = {
  name: 'mergeMode',
  kind: 'enum',
  default: 'concat',
  options: MERGE_MODES,
  label: { en: 'Merge mode', zh: '合并方式' },
  help: {
    en: 'How the two directions are combined: concat puts them side by side (twice the units), sum, mul and ave combine them value by value.',
    zh: '两个方向的输出如何合并：concat 并排拼接（单元数翻倍），sum、mul、ave 逐元素求和、相乘、取平均。',
  },
};

export const bidirectional: LayerDef = {
  type: 'Bidirectional',
  category: 'Wrapper',
  formula: 'bidirectional',
  description: {
    en: 'Reads the sequence twice with two copies of the wrapped recurrent layer, one from the first step to the last and one backwards, and merges what they produce. Every step then knows about what comes after it as well as before, which helps with tasks such as tagging the words of a finished sentence.',
    zh: '用被包装的循环层的两个副本把序列读两遍，一个从第一步读到最后一步，另一个倒着读，再合并它们的输出。于是每一步既了解它之前的内容，也了解之后的内容，这对标注完整句子中的词等任务很有帮助。',
  },
  params: [wrapped, mergeMode],
  paramsFor(params) {
    const inner = WRAPPABLE.find((d) => d.type === params.layer);
    return inner ? [wrapped, mergeMode, ...prefixedDefs(inner)] : [wrapped, mergeMode];
  },
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const inner = resolveInner(WRAPPABLE, p);
    if ('error' in inner) return inner;
    const r = inner.def.inferShape(inner.params, [input]);
    if ('error' in r) return r;
    if (str(p, 'mergeMode') !== 'concat') return r;
    const last = r.shape.length - 1;
    return { shape: r.shape.map((n, i) => (i === last ? 2 * n : n)) };
  },
  weights(p, inputs) {
    const inner = resolveInner(WRAPPABLE, p);
    if ('error' in inner) return [];
    const one = inner.def.weights(inner.params, inputs);
    return [
      ...one.map((w) => ({ ...w, name: `forward/${w.name}` })),
      ...one.map((w) => ({ ...w, name: `backward/${w.name}` })),
    ];
  },
  countMacs(p, inputs) {
    const inner = resolveInner(WRAPPABLE, p);
    if ('error' in inner) return 0;
    const r = inner.def.inferShape(inner.params, inputs);
    return 'error' in r ? 0 : 2 * inner.def.countMacs(inner.params, inputs, r.shape);
  },
  keras: {
    className: 'Bidirectional',
    toConfig(p) {
      const inner = resolveInner(WRAPPABLE, p);
      if ('error' in inner) throw new Error(inner.error.en);
      return { layer: innerToKeras(inner.def, inner.params), merge_mode: str(p, 'mergeMode') };
    },
    fromConfig: (c) => ({
      ...innerFromKeras(WRAPPABLE, c),
      mergeMode: readChoice(c, 'merge_mode', MERGE_MODES, 'concat'),
    }),
  },
};
