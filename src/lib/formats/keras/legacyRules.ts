/**
 * How one Keras 1 config key becomes its Keras 2 form. Each rule reads the key strictly
 * under the name the file gives it (so a message names that key) and writes the Keras 2
 * key the layer registry reads; settings CNN Studio does not model (initializers,
 * regularizers, constraints) are checked for their type and carried under their new name.
 */
import {
  KerasConfigError,
  readBool,
  readChoice,
  readFloat,
  readInt,
  readTuple,
  shown,
  type KerasConfig,
} from '../../layers/shared/kerasConfig';

/** Reads `key` of the Keras 1 config `c` into the Keras 2 config `out`. */
export type Rule = (c: KerasConfig, out: KerasConfig, key: string) => void;

export function refuseKey(key: string, value: unknown, en: string, zh: string): never {
  throw new KerasConfigError([key], {
    en: `${key} = ${shown(value)}: ${en}`,
    zh: `${key} = ${shown(value)}：${zh}`,
  });
}

/** Kept under the same name (the Keras 2 reader checks it). */
export const same: Rule = (c, out, key) => {
  out[key] = c[key];
};

/** Moved to another name unchanged (the Keras 2 reader checks it, under the new name). */
export const renamed =
  (to: string): Rule =>
  (c, out, key) => {
    out[to] = c[key];
  };

/** Moved to another name; the value is read here under the old name first. */
export const intAs =
  (to: string, min = 1): Rule =>
  (c, out, key) => {
    out[to] = readInt(c, key, { min });
  };

export const floatAs =
  (to: string, min?: number, max?: number): Rule =>
  (c, out, key) => {
    out[to] = readFloat(c, key, { min, max });
  };

export const boolAs =
  (to: string): Rule =>
  (c, out, key) => {
    out[to] = readBool(c, key, true);
  };

/** An int or a list of `n` ints (`subsample`, `pool_size`, `atrous_rate`). */
export const tupleAs =
  (to: string, n: number): Rule =>
  (c, out, key) => {
    out[to] = readTuple(c, key, n);
  };

/** An initializer by name (Keras 1 writes the function's name): carried, not modelled. */
export const initializerAs =
  (to: string): Rule =>
  (c, out, key) => {
    const v = c[key];
    if (v !== null && typeof v !== 'string' && (typeof v !== 'object' || Array.isArray(v)))
      refuseKey(key, v, 'expected the name of an initializer', '应为初始化方法的名称');
    out[to] = v;
  };

/** A regularizer or constraint: null or its config object; carried, not modelled. */
export const settingAs =
  (to: string): Rule =>
  (c, out, key) => {
    const v = c[key];
    if (v !== null && (typeof v !== 'object' || Array.isArray(v)))
      refuseKey(key, v, 'expected null or a regularizer / constraint object', '应为 null 或正则化/约束对象');
    out[to] = v;
  };

/** Checked, then left out: a Keras 1 detail with no Keras 2 key (`input_dtype`, `consume_less`). */
export const dropped =
  (check: (v: unknown) => boolean, want: { en: string; zh: string }): Rule =>
  (c, _out, key) => {
    const v = c[key];
    if (!check(v)) refuseKey(key, v, `expected ${want.en}`, `应为${want.zh}`);
  };

export const anyString = (v: unknown): boolean => v === null || typeof v === 'string';

/** `border_mode` → `padding`; Theano's "full" has no Keras 2 or TensorFlow.js counterpart. */
export const borderMode: Rule = (c, out, key) => {
  if (c[key] === 'full')
    refuseKey(
      key,
      'full',
      'Theano\'s "full" convolution has no Keras 2 or TensorFlow.js counterpart; use "valid" or "same"',
      'Theano 的 "full" 卷积在 Keras 2 和 TensorFlow.js 中没有对应；请使用 "valid" 或 "same"',
    );
  out.padding = readChoice(c, key, ['valid', 'same'], undefined);
};

/**
 * `dim_ordering` → `data_format`: "tf" is channels last, "th" channels first (which the
 * importer turns round, see channelsFirst.ts). "default" meant the keras.json of the machine
 * that saved the file, which the file does not say.
 */
export const dimOrdering: Rule = (c, out, key) => {
  if (c[key] === 'default')
    refuseKey(
      key,
      'default',
      'the axis order depended on the keras.json of the machine that saved the model; set "tf" or "th"',
      '轴的顺序取决于保存模型那台机器的 keras.json；请设为 "tf" 或 "th"',
    );
  out.data_format = readChoice(c, key, ['tf', 'th'], undefined) === 'th' ? 'channels_first' : 'channels_last';
};

/** Keras 1's separate window sizes (`nb_row`, `nb_col`; `kernel_dim1`…) as one `kernel_size`. */
export const kernelFrom =
  (keys: readonly string[]): Rule =>
  (c, out) => {
    out.kernel_size = keys.map((k) => readInt(c, k, { min: 1 }));
  };

/** A key read together with another one's rule (`nb_col` with `nb_row`). */
export const readWithOthers: Rule = () => undefined;

/**
 * `input_dim` / `input_length`: the input size Keras 1 kept on the first layer. They become
 * the `batch_input_shape` a Keras 2 first layer has, unless the config has one already.
 */
export function inputShapeFrom(c: KerasConfig, out: KerasConfig, axes: readonly string[]): void {
  if (c.batch_input_shape !== undefined) return;
  const sizes = axes.map((k) => c[k]);
  if (sizes.every((v) => v === undefined || v === null)) return;
  sizes.forEach((v, i) => {
    const key = axes[i] ?? '';
    if (v !== null && v !== undefined) readInt(c, key, { min: 1 });
  });
  out.batch_input_shape = [null, ...sizes.map((v) => v ?? null)];
}

/** Only the value that means "off" is accepted (an option Keras 2 dropped or never modelled). */
export const onlyOff =
  (off: unknown, en: string, zh: string): Rule =>
  (c, _out, key) => {
    const v = c[key];
    if (JSON.stringify(v) !== JSON.stringify(off)) refuseKey(key, v, en, zh);
  };

/** A Keras 1 ZeroPadding2D `padding`: [rows, cols], [top, bottom, left, right] or a dict of the four. */
export function zeroPadding2d(v: unknown, key: string): unknown {
  const amount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (Array.isArray(v) && v.length === 2 && v.every(amount)) return v;
  if (Array.isArray(v) && v.length === 4 && v.every(amount))
    return [
      [v[0], v[1]],
      [v[2], v[3]],
    ];
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const d = v as Record<string, unknown>;
    const sides = ['top_pad', 'bottom_pad', 'left_pad', 'right_pad'];
    const extra = Object.keys(d).find((k) => !sides.includes(k));
    const values = sides.map((s) => d[s] ?? 0);
    if (extra === undefined && values.every(amount))
      return [
        [values[0], values[1]],
        [values[2], values[3]],
      ];
  }
  return refuseKey(
    key,
    v,
    'expected [rows, cols], [top, bottom, left, right] or {top_pad, bottom_pad, left_pad, right_pad} of whole numbers ≥ 0',
    '应为 [行, 列]、[上, 下, 左, 右] 或 {top_pad, bottom_pad, left_pad, right_pad}，取值为 ≥ 0 的整数',
  );
}
