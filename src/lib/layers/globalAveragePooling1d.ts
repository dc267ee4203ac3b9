/** GlobalAveragePooling1D: the mean of each channel over the whole sequence. */
import { globalPooling } from './shared/globalPooling';

export const globalAveragePooling1d = globalPooling('GlobalAveragePooling1D', 1, {
  en: 'Averages every channel over all steps of the sequence, turning a sequence of any length into one vector. A simple text model can average its word embeddings this way before a dense classifier. It has no weights.',
  zh: '对每个通道在序列的所有步上求平均，把任意长度的序列变成一个向量。简单的文本模型可以这样对词嵌入求平均，再接全连接分类器。它没有权重。',
});
