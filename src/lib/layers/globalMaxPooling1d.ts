/** GlobalMaxPooling1D: the largest value of each channel over the whole sequence. */
import { globalPooling } from './shared/globalPooling';

export const globalMaxPooling1d = globalPooling('GlobalMaxPooling1D', 1, {
  en: 'Keeps, for every channel, the largest value found anywhere in the sequence, turning a sequence of any length into one vector. A text classifier built from 1-D convolutions uses it to ask "did this pattern occur anywhere?". It has no weights.',
  zh: '对每个通道保留整个序列中出现的最大值，把任意长度的序列变成一个向量。由一维卷积构成的文本分类器用它来回答“这个模式是否在某处出现过？”。它没有权重。',
});
