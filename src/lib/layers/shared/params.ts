/** Typed reads of layer params, and the parameter definitions several layer types share. */
import type { LayerParams, Localized, ParamValue } from '../../spec/types';
import type { LayerDef, ParamDef } from '../types';

export function num(params: LayerParams, name: string): number {
  const v = params[name];
  if (typeof v !== 'number') throw new Error(`param ${name} is not a number`);
  return v;
}

export function str(params: LayerParams, name: string): string {
  const v = params[name];
  if (typeof v !== 'string') throw new Error(`param ${name} is not a string`);
  return v;
}

export function bool(params: LayerParams, name: string): boolean {
  const v = params[name];
  if (typeof v !== 'boolean') throw new Error(`param ${name} is not a boolean`);
  return v;
}

export function ints(params: LayerParams, name: string): number[] {
  const v = params[name];
  if (!Array.isArray(v)) throw new Error(`param ${name} is not a list`);
  return v;
}

/** Optional params stay absent (their default applies), so specs read and written stay as they were. */
export function defaultParams(defs: readonly ParamDef[]): LayerParams {
  const out: LayerParams = {};
  for (const d of defs) if (!d.optional) out[d.name] = Array.isArray(d.default) ? [...d.default] : d.default;
  return out;
}

/** Every parameter definition for these values, including the ones that depend on others. */
export function paramDefsFor(def: LayerDef, params: LayerParams): readonly ParamDef[] {
  return def.paramsFor ? def.paramsFor(params) : def.params;
}

/** A new layer's params: the defaults, and for wrappers those of the default wrapped layer. */
export function defaultLayerParams(def: LayerDef): LayerParams {
  const base = defaultParams(def.params);
  return def.paramsFor ? defaultParams(def.paramsFor(base)) : base;
}

/** The first value that does not fit its definition, or null when all fit. */
export function checkParams(defs: readonly ParamDef[], params: LayerParams): Localized | null {
  for (const d of defs) {
    const problem = checkParam(d, params[d.name]);
    if (problem) return problem;
  }
  return null;
}

/**
 * A Keras axis (0 is the batch axis, negative counts from the end) as an index into a shape
 * without the batch axis, or null when it names the batch axis or lies outside.
 */
export function dataAxis(axis: number, rank: number): number | null {
  const withBatch = axis < 0 ? axis + rank + 1 : axis;
  return withBatch >= 1 && withBatch <= rank ? withBatch - 1 : null;
}

export function axisError(axis: number, rank: number): Localized {
  return axis === 0
    ? { en: 'axis 0 is the batch axis and cannot be used here', zh: '轴 0 是批次维度，这里不能使用' }
    : {
        en: `axis ${axis} does not exist for an input with ${rank} axes`,
        zh: `对 ${rank} 维的输入，轴 ${axis} 不存在`,
      };
}

/** Why a value does not fit its definition, or null when it does. */
export function checkParam(def: ParamDef, value: ParamValue | undefined): Localized | null {
  const label = def.label;
  if (value === undefined && def.optional) return null;
  switch (def.kind) {
    case 'int':
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { en: `${label.en} must be a number`, zh: `${label.zh}必须是数字` };
      if (def.kind === 'int' && !Number.isInteger(value))
        return { en: `${label.en} must be a whole number`, zh: `${label.zh}必须是整数` };
      if (value < def.min || value > def.max)
        return {
          en: `${label.en} must be between ${def.min} and ${def.max}, not ${value}`,
          zh: `${label.zh}必须在 ${def.min} 到 ${def.max} 之间，而不是 ${value}`,
        };
      return null;
    }
    case 'enum':
      if (typeof value !== 'string' || !def.options.includes(value))
        return {
          en: `${label.en} must be one of ${def.options.join(', ')}`,
          zh: `${label.zh}必须是 ${def.options.join('、')} 之一`,
        };
      return null;
    case 'bool':
      return typeof value === 'boolean'
        ? null
        : { en: `${label.en} must be true or false`, zh: `${label.zh}必须是 true 或 false` };
    case 'ints': {
      if (!Array.isArray(value) || !def.lengths.includes(value.length))
        return {
          en: `${label.en} must be a list of ${def.lengths.join(' or ')} whole numbers`,
          zh: `${label.zh}必须是 ${def.lengths.join(' 或 ')} 个整数`,
        };
      const bad = value.find((x) => !Number.isInteger(x) || x < def.min || x > def.max);
      if (bad !== undefined)
        return {
          en: `${label.en} values must be whole numbers from ${def.min} to ${def.max}, not ${bad}`,
          zh: `${label.zh}的值必须是 ${def.min} 到 ${def.max} 的整数，而不是 ${bad}`,
        };
      return null;
    }
    case 'floats': {
      if (!Array.isArray(value) || !def.lengths.includes(value.length))
        return {
          en: `${label.en} must be a list of ${def.lengths.join(' or ')} numbers`,
          zh: `${label.zh}必须是 ${def.lengths.join(' 或 ')} 个数`,
        };
      const bad = value.find((x) => !Number.isFinite(x) || x < def.min || x > def.max);
      if (bad !== undefined)
        return {
          en: `${label.en} values must be numbers from ${def.min} to ${def.max}, not ${bad}`,
          zh: `${label.zh}的值必须是 ${def.min} 到 ${def.max} 的数，而不是 ${bad}`,
        };
      return null;
    }
  }
}

/**
 * Activation names tfjs 4.22 accepts in a layer config (checked by building a model with
 * each), plus hard_swish, which the engine registers (src/lib/engine/hardSwish.ts). Keras'
 * silu and exponential are missing from tfjs, so they are not here.
 */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'hard_sigmoid',
  'relu6',
  'swish',
  'mish',
  'gelu',
  'log_softmax',
  'hard_swish',
] as const;

export const activationParam: Extract<ParamDef, { kind: 'enum' }> = {
  name: 'activation',
  kind: 'enum',
  default: 'linear',
  options: ACTIVATIONS,
  label: { en: 'Activation', zh: '激活函数' },
  help: {
    en: 'Function applied to every output value; linear means none.',
    zh: '作用在每个输出值上的函数；linear 表示不使用。',
  },
};

export const useBiasParam: ParamDef = {
  name: 'useBias',
  kind: 'bool',
  default: true,
  label: { en: 'Use bias', zh: '使用偏置' },
  help: { en: 'Add one learned constant per output channel.', zh: '每个输出通道加上一个可学习的常数。' },
};

export const paddingParam: ParamDef = {
  name: 'padding',
  kind: 'enum',
  default: 'valid',
  options: ['valid', 'same'],
  label: { en: 'Padding', zh: '填充' },
  help: {
    en: 'valid: the window stays inside the input; same: zeros are added so the output keeps size ⌈input / stride⌉.',
    zh: 'valid：窗口只在输入内部滑动；same：在边缘补零，使输出大小为 ⌈输入 / 步长⌉。',
  },
};

/** The fraction-of-inputs parameter of the dropout layers. */
export function rateParam(help: Localized, dflt = 0.5): ParamDef {
  return {
    name: 'rate',
    kind: 'float',
    default: dflt,
    min: 0,
    max: 0.99,
    label: { en: 'Rate', zh: '比例' },
    help,
  };
}

export function axisParam(dflt: number, help: Localized): ParamDef {
  return { name: 'axis', kind: 'int', default: dflt, min: -5, max: 5, label: { en: 'Axis', zh: '轴' }, help };
}

export const unitsParam: ParamDef = {
  name: 'units',
  kind: 'int',
  default: 10,
  min: 1,
  max: 100000,
  label: { en: 'Units', zh: '单元数' },
  help: { en: 'Number of outputs.', zh: '输出的个数。' },
};
