/** SimpleRNN: the plain recurrent cell, state = activation(x·W + state·U + b). */
import { recurrent } from './shared/recurrent';

export const simpleRnn = recurrent('SimpleRNN', 1, {
  en: "Reads a sequence one step at a time and keeps a state vector: at every step the new state is the activation of the current input times one weight matrix plus the old state times another. The state is the net's memory of what it has read, but in practice it forgets after a few dozen steps because gradients fade.",
  zh: '逐步读取序列并维护一个状态向量：每一步的新状态是“当前输入乘以一个权重矩阵，加上旧状态乘以另一个权重矩阵”再经过激活函数。状态就是网络对已读内容的记忆，但由于梯度逐渐消失，实际上几十步之后就会遗忘。',
});
