/**
 * Input: where data enters the net. Its shape is one example's; for images the other params
 * say how pixels become the values the net was trained on (src/lib/preprocess/preprocessing.ts),
 * so the spec carries its preprocessing wherever it goes.
 */
import type { LayerDef } from './types';
import { ints } from './shared/params';
import { KerasConfigError, shown } from './shared/kerasConfig';
import { CHANNEL_ORDERS, VALUE_SCALES, readPreprocessing } from '../preprocess/preprocessing';

export const input: LayerDef = {
  type: 'Input',
  category: 'Data',
  description: {
    en: 'The data the network receives, one example at a time. For images the shape is height × width × channels, with 3 channels for red, green and blue.',
    zh: '网络接收的数据，每次一个样本。对图像而言形状是 高 × 宽 × 通道，红、绿、蓝共 3 个通道。',
  },
  params: [
    {
      name: 'shape',
      kind: 'ints',
      default: [64, 64, 3],
      min: 1,
      max: 4096,
      lengths: [1, 2, 3, 4],
      label: { en: 'Shape', zh: '形状' },
      help: { en: 'Shape of one example, without the batch axis.', zh: '单个样本的形状，不含批次维度。' },
    },
    {
      name: 'channelOrder',
      optional: true,
      kind: 'enum',
      default: 'rgb',
      options: CHANNEL_ORDERS,
      label: { en: 'Channel order', zh: '通道顺序' },
      help: {
        en: 'Images only: the order of the colour channels the net was trained on (Caffe and OpenCV models read BGR).',
        zh: '仅用于图像：网络训练时颜色通道的顺序（Caffe 与 OpenCV 的模型读取 BGR）。',
      },
    },
    {
      name: 'valueScale',
      optional: true,
      kind: 'enum',
      default: '0-1',
      options: VALUE_SCALES,
      label: { en: 'Value scale', zh: '数值范围' },
      help: {
        en: 'Images only: the range pixel values are scaled to before the mean is subtracted.',
        zh: '仅用于图像：减去均值之前像素值被缩放到的范围。',
      },
    },
    {
      name: 'mean',
      optional: true,
      kind: 'floats',
      default: [0],
      min: -1e6,
      max: 1e6,
      lengths: [1, 3],
      label: { en: 'Mean', zh: '均值' },
      help: {
        en: 'Images only: subtracted from every value, one for all channels or one per channel, in the scaled units.',
        zh: '仅用于图像：从每个值中减去，所有通道一个或每个通道一个，单位与缩放后的值相同。',
      },
    },
    {
      name: 'std',
      optional: true,
      kind: 'floats',
      default: [1],
      min: 1e-6,
      max: 1e6,
      lengths: [1, 3],
      label: { en: 'Std', zh: '标准差' },
      help: {
        en: 'Images only: every value is divided by it after the mean is subtracted, one for all channels or one per channel.',
        zh: '仅用于图像：减去均值后每个值除以它，所有通道一个或每个通道一个。',
      },
    },
  ],
  arity: { min: 0, max: 0 },
  inferShape: (p) => {
    const shape = [...ints(p, 'shape')];
    const channels = shape.at(-1);
    // A per-channel mean or std that does not match an image's channels is named here, so the
    // editor flags it at once instead of the explainer refusing the image later.
    if (shape.length === 3 && (channels === 1 || channels === 3)) {
      const read = readPreprocessing(p, shape);
      if (!read.ok) return { error: read.error };
    }
    return { shape };
  },
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'InputLayer',
    toConfig: (p) => ({ batch_input_shape: [null, ...ints(p, 'shape')], dtype: 'float32', sparse: false }),
    fromConfig: (c) => {
      const field = c.batch_input_shape === undefined ? 'batch_shape' : 'batch_input_shape';
      const raw = c[field];
      // Sizes after the batch axis; null (any size) reads as 0 and is refused by the importer.
      const size = (x: unknown): x is number | null =>
        x === null || (typeof x === 'number' && Number.isInteger(x) && x >= 1);
      if (!Array.isArray(raw) || raw.length < 2 || !raw.every(size))
        throw new KerasConfigError([field], {
          en: `${field} must be [batch, ...sizes] with whole-number sizes ≥ 1 or null, not ${shown(raw)}`,
          zh: `${field} 必须是 [批次, ...大小]，大小为 ≥ 1 的整数或 null，而不是 ${shown(raw)}`,
        });
      return { shape: raw.slice(1).map((x: number | null) => x ?? 0) };
    },
  },
};
