/**
 * GRU: a gated recurrent cell with update and reset gates. tfjs implements only
 * reset_after = false (one bias per gate), so its parameter count is 3·(units·(in + units) + units).
 */
import { recurrent } from './shared/recurrent';

export const gru = recurrent('GRU', 3, {
  en: 'A recurrent layer with two gates learned from the input and the state: the update gate decides how much of the old state to keep, the reset gate how much of it to use when proposing a new one. It remembers over much longer sequences than a simple RNN with fewer weights than an LSTM. As in tfjs, each gate has one bias (Keras 2 defaults to two, reset_after).',
  zh: '一种带两个门的循环层，门由输入和状态学习得到：更新门决定保留多少旧状态，重置门决定在提出新状态时使用多少旧状态。它能记住比简单 RNN 长得多的序列，权重又比 LSTM 少。与 tfjs 一致，每个门只有一个偏置（Keras 2 默认有两个，即 reset_after）。',
});
