/** AveragePooling1D: the mean of each window of steps, per channel. */
import type { LayerDef } from './types';
import { pooling } from './shared/pooling';

export const averagePooling1d: LayerDef = {
  // The 2-D pooling view reads the sequence as a map of one row (src/lib/formula/sequence.ts).
  formula: 'pooling',
  poolKind: 'average',
  ...pooling('AveragePooling1D', 1, {
    en: 'Slides a window along a sequence and outputs the mean of each channel in it. It shortens and smooths the sequence. It has no weights.',
    zh: '沿序列滑动窗口，输出窗口内每个通道的平均值。它缩短序列并使其更平滑。它没有权重。',
  }),
};
