/**
 * Keras 1 layer configs, and the `Merge` layer Keras 2.0–2.1 still wrote, read as the Keras 2
 * configs the layer registry reads. Only mappings that mean the same thing both ways (the
 * ones Keras 2's own legacy converters made): every Keras 1 key of a class is listed; a key
 * that is not, or a value with no Keras 2 meaning, is refused naming the key.
 */
import {
  KerasConfigError,
  readChoice,
  readInt,
  shown,
  type KerasConfig,
} from '../../layers/shared/kerasConfig';
import { inputShapeFrom, refuseKey } from './legacyRules';
import { BASE, CLASSES, GONE, KERAS1_KEYS } from './legacyTable';

/** The class has a Keras 1-only name, or its config has a Keras 1-only key. */
export function isKeras1Layer(className: string, config: KerasConfig): boolean {
  if (className === 'Merge' || GONE[className]) return true;
  const table = CLASSES[className];
  if (table && table.to !== className) return true;
  // Embedding's output_dim kept its name in Keras 2.
  const marks = (k: string) => KERAS1_KEYS.has(k) && !(k === 'output_dim' && className === 'Embedding');
  return table !== undefined && Object.keys(config).some(marks);
}

const MERGE_MODES: Record<string, string> = {
  sum: 'Add',
  mul: 'Multiply',
  ave: 'Average',
  max: 'Maximum',
  concat: 'Concatenate',
};

/** Keras 1's `Merge`: the modes with a Keras 2 merge layer of the same meaning. */
function upgradeMerge(c: KerasConfig): { className: string; config: KerasConfig } {
  if (c.layers !== undefined && c.layers !== null)
    refuseKey(
      'layers',
      c.layers,
      'a Merge of Sequential branches is not supported; save the model as a functional Model',
      '不支持合并多个 Sequential 分支的 Merge；请把模型保存为函数式 Model',
    );
  if (c.mode_type !== undefined && c.mode_type !== 'raw')
    refuseKey(
      'mode_type',
      c.mode_type,
      'a merge given as Python code cannot be read',
      '以 Python 代码给出的合并方式无法读取',
    );
  if (c.arguments !== undefined && c.arguments !== null && JSON.stringify(c.arguments) !== '{}')
    refuseKey(
      'arguments',
      c.arguments,
      'only a merge given as Python code has arguments',
      '只有以 Python 代码给出的合并方式才有参数',
    );
  const mode = c.mode ?? 'sum';
  if (mode === 'dot' || mode === 'cos')
    refuseKey(
      'mode',
      mode,
      'dot and cos merges depend on dot_axes in ways Keras 2 changed; re-save the model with Keras 2',
      'dot 与 cos 合并依赖 dot_axes，而 Keras 2 改变了其含义；请用 Keras 2 重新保存模型',
    );
  const mode2 = readChoice({ mode }, 'mode', Object.keys(MERGE_MODES), undefined);
  const config: KerasConfig = { name: c.name, trainable: c.trainable };
  if (mode2 === 'concat') config.axis = readInt(c, 'concat_axis', { dflt: -1 });
  return { className: MERGE_MODES[mode2] ?? 'Add', config };
}

const MERGE_KEYS = new Set([
  'name',
  'trainable',
  'mode',
  'mode_type',
  'concat_axis',
  'dot_axes',
  'output_shape',
  'output_shape_type',
  'output_mask',
  'output_mask_type',
  'arguments',
  'layers',
  'batch_input_shape',
  'input_dtype',
]);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The Keras 2 class and config for a layer that may be Keras 1, the layer a wrapper
 * (TimeDistributed, Bidirectional) holds included; a Keras 2 layer comes back as it is.
 */
export function upgradeLayer(
  className: string,
  config: KerasConfig,
): { className: string; config: KerasConfig } {
  const up = upgradeKeras1Layer(className, config);
  const inner = up.config.layer;
  if (!isRecord(inner) || typeof inner.class_name !== 'string' || !isRecord(inner.config)) return up;
  try {
    const nested = upgradeLayer(inner.class_name, inner.config);
    if (nested.config === inner.config) return up;
    return {
      ...up,
      config: { ...up.config, layer: { ...inner, class_name: nested.className, config: nested.config } },
    };
  } catch (e) {
    throw e instanceof KerasConfigError ? e.nested(['layer', 'config']) : e;
  }
}

/**
 * The Keras 2 class and config for a Keras 1 layer; a layer that is not Keras 1 comes back
 * as it is. A problem is a KerasConfigError naming the key as the file has it.
 */
export function upgradeKeras1Layer(
  className: string,
  config: KerasConfig,
): { className: string; config: KerasConfig } {
  if (!isKeras1Layer(className, config)) return { className, config };
  const gone = GONE[className];
  if (gone)
    throw new KerasConfigError([], {
      en: `the Keras 1 layer ${className} is not supported: ${gone.en}`,
      zh: `不支持 Keras 1 的 ${className} 层：${gone.zh}`,
    });
  const keys = className === 'Merge' ? null : { ...BASE, ...CLASSES[className]?.keys };
  for (const key of Object.keys(config)) {
    const known = keys ? keys[key] !== undefined : MERGE_KEYS.has(key);
    if (!known)
      throw new KerasConfigError([key], {
        en: `${key} (= ${shown(config[key])}) is not a Keras 1 setting of ${className} that CNN Studio can read`,
        zh: `${key}（= ${shown(config[key])}）不是 CNN Studio 能读取的 ${className} 的 Keras 1 设置`,
      });
  }
  if (className === 'Merge') return upgradeMerge(config);
  const table = CLASSES[className];
  if (!table || !keys) return { className, config };
  for (const key of table.required ?? []) if (config[key] === undefined) readInt(config, key);
  const out: KerasConfig = {};
  for (const [key, value] of Object.entries(config)) if (value !== undefined) keys[key]?.(config, out, key);
  if (table.inputAxes) inputShapeFrom(config, out, table.inputAxes);
  return { className: table.to, config: out };
}
