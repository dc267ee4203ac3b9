/** UpSampling1D: repeats every step of a sequence; tfjs has no such layer. */
import { upSampling } from './shared/upSampling';

export const upSampling1d = upSampling(
  'UpSampling1D',
  1,
  {
    en: 'Makes a sequence longer by repeating every step a fixed number of times, keeping the channels as they are. It has no weights; decoders for audio or time series use it to undo the shortening done by pooling.',
    zh: '把序列的每一步重复固定次数，使序列变长，通道保持不变。它没有权重；音频或时间序列的解码器用它来抵消池化造成的缩短。',
  },
  {
    keras: false,
    note: {
      en: 'tfjs 4.22 has no UpSampling1D layer; a Reshape to [steps, 1, channels], an UpSampling2D with size [n, 1] and a Reshape back do the same.',
      zh: 'tfjs 4.22 没有 UpSampling1D 层；先 Reshape 成 [步数, 1, 通道]，再用大小为 [n, 1] 的 UpSampling2D，最后 Reshape 回去，效果相同。',
    },
  },
);
