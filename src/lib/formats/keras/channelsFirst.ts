/**
 * Channels-first Keras models (Keras 1's dim_ordering "th", Keras 2's data_format
 * "channels_first", as Theano-era models were saved) turned round to the channels-last layout
 * CNN Studio and tfjs use: image inputs [C, H, W] become [H, W, C], the channel axis of
 * BatchNormalization and Concatenate moves from 1 to -1, and every layer says channels_last.
 * The layers compute the same thing on the turned-round images, with one exception that
 * only weights see: Flatten lists the values in another order. So this is for topologies
 * without weights; a layer whose axes cannot be turned round (Reshape, Permute, …) is
 * refused by name.
 */
import { KerasConfigError, shown, type KerasConfig } from '../../layers/shared/kerasConfig';
import type { Localized, NetworkSpec } from '../../spec/types';
import { inferShapes } from '../../spec/inferShapes';

/** One layer of the file, read far enough to be turned round. */
export interface RawLayer {
  className: string;
  config: KerasConfig;
  id: string;
}

/** A layer whose channel axis is only right if its input turns out to be a vector (rank 1). */
export interface VectorAxis {
  id: string;
  field: string;
  axis: number;
}

/** Layers whose axis arguments are written for one layout and cannot be moved safely. */
const FIXED_AXES = new Set(['Reshape', 'Permute', 'Dot', 'Softmax', 'Lambda', 'LayerNormalization']);

/** Layers with a channel axis argument (`axis`). */
const CHANNEL_AXIS = new Set(['BatchNormalization', 'Concatenate']);

function dataFormat(c: KerasConfig): 'first' | 'last' | null {
  const v = c.data_format;
  if (typeof v !== 'string') return null;
  const s = v.toLowerCase();
  return s === 'channels_first' ? 'first' : s === 'channels_last' ? 'last' : null;
}

/** [batch, C, ...spatial] → [batch, ...spatial, C] for image inputs (two or more spatial axes). */
function turnShape(shape: unknown): unknown {
  if (!Array.isArray(shape) || shape.length < 4) return shape;
  const [batch, channels, ...spatial] = shape as unknown[];
  return [batch, ...spatial, channels];
}

function refuse(field: string, text: Localized): never {
  throw new KerasConfigError([field], text);
}

/** The model has a channels-first layer, so the whole of it is to be turned round. */
export function isChannelsFirst(layers: readonly RawLayer[]): boolean {
  return layers.some((l) => dataFormat(l.config) === 'first');
}

/**
 * Turns one layer of a channels-first model round (its config is replaced by a turned copy).
 * Returns the axis that is only right on a vector input, if the layer has one; a layer that
 * cannot be turned round is a KerasConfigError naming the field.
 */
export function turnLayer(layer: RawLayer): VectorAxis | null {
  const c = { ...layer.config };
  const format = dataFormat(c);
  if (format === 'last')
    refuse('data_format', {
      en: 'this layer is channels_last while others are channels_first; CNN Studio cannot read a model that mixes the two',
      zh: '该层是 channels_last，而其他层是 channels_first；CNN Studio 无法读取混用两种排列的模型',
    });
  if (FIXED_AXES.has(layer.className))
    throw new KerasConfigError([], {
      en: `${layer.className} in a channels-first model is written for channels-first tensors and cannot be turned round to channels last`,
      zh: `通道在前模型中的 ${layer.className} 是按通道在前的张量写的，无法转换为通道在后`,
    });
  if (format === 'first') c.data_format = 'channels_last';
  for (const field of ['batch_input_shape', 'batch_shape'])
    if (c[field] !== undefined) c[field] = turnShape(c[field]);
  let vector: VectorAxis | null = null;
  if (CHANNEL_AXIS.has(layer.className)) {
    const raw = c.axis;
    const axis = Array.isArray(raw) && raw.length === 1 ? (raw[0] as unknown) : raw;
    if (axis === 1) c.axis = -1;
    else if (axis === undefined) vector = { id: layer.id, field: 'axis', axis: -1 };
    else if (typeof axis === 'number' && Number.isInteger(axis))
      vector = { id: layer.id, field: 'axis', axis };
    else
      refuse('axis', {
        en: `axis must be a whole number, not ${shown(raw)}`,
        zh: `axis 必须是整数，而不是 ${shown(raw)}`,
      });
  }
  layer.config = c;
  return vector;
}

/** The Sequential's `build_input_shape` (Keras 2.2+) turned round like an input's shape. */
export function turnBuildShape(modelConfig: KerasConfig): void {
  if (Array.isArray(modelConfig.build_input_shape))
    modelConfig.build_input_shape = turnShape(modelConfig.build_input_shape);
}

/** The note an import carries when the model was turned round. */
export const TURNED_ROUND: Localized = {
  en: 'This model was saved channels first (dim_ordering "th" / data_format "channels_first"); CNN Studio shows it channels last: image shapes read height × width × channels, and the layers compute the same thing.',
  zh: '该模型以通道在前的方式保存（dim_ordering "th" / data_format "channels_first"）；CNN Studio 以通道在后的方式显示它：图像形状为 高 × 宽 × 通道，各层计算的内容相同。',
};

/**
 * The first turned-round layer whose kept axis lands on an image (its input has spatial axes),
 * where channels first meant another axis than it does channels last.
 */
export function vectorAxisProblem(
  spec: NetworkSpec,
  axes: readonly VectorAxis[],
): { id: string; text: Localized } | null {
  if (axes.length === 0) return null;
  const table = inferShapes(spec);
  for (const a of axes) {
    const info = table.layers.get(a.id);
    const ranks = info?.status === 'ok' ? info.inputShapes.map((s) => s.length) : [];
    if (ranks.every((r) => r <= 1)) continue;
    return {
      id: a.id,
      text: {
        en: `layer ${a.id}: ${a.field} ${a.axis} of a channels-first image is not its channel axis; CNN Studio can only turn the channel axis (1) round to channels last`,
        zh: `层 ${a.id}：通道在前图像的 ${a.field} ${a.axis} 不是通道轴；CNN Studio 只能把通道轴（1）转换为通道在后`,
      },
    };
  }
  return null;
}
