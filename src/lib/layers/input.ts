/** Input: where data enters the net; its only parameter is the shape of one example. */
import type { LayerDef } from './types';
import { ints } from './shared/params';
import { KerasConfigError, shown } from './shared/kerasConfig';

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
  ],
  arity: { min: 0, max: 0 },
  inferShape: (p) => ({ shape: [...ints(p, 'shape')] }),
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
