/** LSTM: the long short-term memory cell, 4·(units·(in + units) + units) parameters. */
import { recurrent } from './shared/recurrent';

export const lstm = recurrent('LSTM', 4, {
  en: 'A recurrent layer with a separate memory cell guarded by three learned gates: the forget gate clears old memories, the input gate writes new ones and the output gate decides what to show. Because the cell is only changed by these gates, information and gradients survive over hundreds of steps.',
  zh: '一种带独立记忆单元的循环层，由三个可学习的门守护：遗忘门清除旧记忆，输入门写入新记忆，输出门决定输出什么。由于记忆单元只被这些门修改，信息和梯度可以保持数百步。',
});
