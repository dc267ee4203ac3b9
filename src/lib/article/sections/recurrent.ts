/** Recurrent layers, briefly: simple RNN, GRU and LSTM. */
import type { ArticleSection } from '../types';

export const recurrent: ArticleSection = {
  id: 'recurrent',
  title: { en: 'Recurrent layers: RNN, GRU, LSTM', zh: '循环层：RNN、GRU 与 LSTM' },
  layerTypes: ['SimpleRNN', 'GRU', 'LSTM', 'ConvLSTM2D', 'Bidirectional', 'TimeDistributed', 'Masking'],
  categories: ['Recurrent', 'Wrapper'],
  showMe: [{ kind: 'layer' }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'Convolutions suit data laid out in space. For sequences — text, audio, sensor readings, the frames of a video — a **recurrent** layer reads one step at a time and carries a **hidden state** $h_t$ from each step to the next, a running summary of everything seen so far:',
        zh: '卷积适合在空间上排布的数据。对于序列——文本、音频、传感器读数、视频的一帧帧画面——**循环**层一次读一步，并把**隐藏状态** $h_t$ 从每一步带到下一步，作为到目前为止所见一切的累积摘要：',
      },
    },
    {
      kind: 'math',
      tex: 'h_{t} = \\tanh(W x_{t} + U h_{t-1} + b)',
      caption: {
        en: 'A simple RNN: the same weights $W$, $U$ and $b$ are used at every step, which is weight sharing along time.',
        zh: '简单 RNN：每一步都使用同样的权重 $W$、$U$ 和 $b$，这是沿时间方向的权重共享。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'Over long sequences the gradient must pass through the same multiplication again and again, and it vanishes or explodes, so a simple RNN forgets quickly. The **LSTM** adds a separate cell state and three **gates**, small sigmoid layers that decide what to forget, what to write and what to output; because the cell state is updated by addition, information and gradients survive many steps. The **GRU** merges these into two gates (update and reset) and has no separate cell state, so it is lighter with similar results.',
        zh: '在长序列上，梯度要一遍遍穿过同一个乘法，于是会消失或爆炸，简单 RNN 因此很快就会遗忘。**LSTM** 增加了一个单独的细胞状态和三个**门**——一些小的 sigmoid 层，分别决定忘掉什么、写入什么、输出什么；由于细胞状态通过加法更新，信息和梯度能存活很多步。**GRU** 把这些合并成两个门（更新门和重置门），也没有单独的细胞状态，因此更轻，效果相近。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'For the same number of units an LSTM has four times the weights of a simple RNN and a GRU three times, one set per gate plus the candidate state. In image models recurrent layers appear where images meet sequences: reading a photo’s rows in order, captioning, or video.',
        zh: '在单元数相同的情况下，LSTM 的权重是简单 RNN 的四倍，GRU 是三倍：每个门一组，外加候选状态一组。在图像模型中，循环层出现在图像与序列相遇的地方：按顺序读取照片的各行、生成图片描述，或处理视频。',
      },
    },
  ],
};
