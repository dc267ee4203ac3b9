/** Input: where data enters the net; its only parameter is the shape of one example. */
import type { LayerDef } from './types';
import { ints } from './shared/params';

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
      const raw = c.batch_input_shape ?? c.batch_shape;
      const shape = Array.isArray(raw) ? raw.slice(1).map((x) => (typeof x === 'number' ? x : 0)) : [];
      return { shape };
    },
  },
};
