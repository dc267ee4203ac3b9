/** GlobalMaxPooling2D: the largest value of each channel over the whole map. */
import { globalPooling } from './shared/globalPooling';

export const globalMaxPooling2d = globalPooling('GlobalMaxPooling2D', 2, {
  en: 'Keeps, for every channel, the largest value anywhere in the feature map, turning height × width × channels into one value per channel. It reports how strongly each pattern was found, but not where. It has no weights.',
  zh: '对每个通道保留整张特征图中的最大值，把 高 × 宽 × 通道 变成每个通道一个值。它反映每种模式被检测到的强度，但不反映位置。它没有权重。',
});
