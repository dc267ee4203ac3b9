/** MaxPooling1D: the largest value of each window of steps, per channel. */
import type { LayerDef } from './types';
import { pooling } from './shared/pooling';

export const maxPooling1d: LayerDef = {
  // The 2-D pooling view reads the sequence as a map of one row (src/lib/formula/sequence.ts).
  formula: 'pooling',
  poolKind: 'max',
  ...pooling('MaxPooling1D', 1, {
    en: 'Slides a window along a sequence and keeps only the largest value of each channel in it. It shortens the sequence and keeps the strongest responses, wherever in the window they occurred. It has no weights.',
    zh: '沿序列滑动窗口，在每个通道上只保留窗口内的最大值。它缩短序列并保留最强的响应，而不管响应出现在窗口的哪个位置。它没有权重。',
  }),
};
