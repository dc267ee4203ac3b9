/**
 * LeNet-5 in its common modern reading: tanh convolutions and average pooling as in the
 * paper, but C3 connected to all S2 maps (the paper's sparse table gives 1,516 weights
 * there instead of 2,416) and a softmax output instead of the RBF units.
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, convParams, poolParams } from './specBuilder';

export function lenet5Spec(classes = 10): NetworkSpec {
  const b = new SpecBuilder('LeNet-5');
  let x = b.input([32, 32, 1]);
  x = b.add('Conv2D', 'c1', convParams({ filters: 6, kernel: 5, activation: 'tanh' }), x);
  x = b.add('AveragePooling2D', 's2', poolParams(2, 2), x);
  x = b.add('Conv2D', 'c3', convParams({ filters: 16, kernel: 5, activation: 'tanh' }), x);
  x = b.add('AveragePooling2D', 's4', poolParams(2, 2), x);
  x = b.add('Conv2D', 'c5', convParams({ filters: 120, kernel: 5, activation: 'tanh' }), x);
  x = b.add('Flatten', 'flatten', {}, x);
  x = b.add('Dense', 'f6', { units: 84, activation: 'tanh' }, x);
  b.add('Dense', 'output', { units: classes, activation: 'softmax' }, x);
  return b.spec();
}

export const lenet5Card: ZooCard = {
  id: 'lenet5',
  name: 'LeNet-5',
  year: 1998,
  paper: {
    title: 'Gradient-Based Learning Applied to Document Recognition',
    authors: 'Yann LeCun, Léon Bottou, Yoshua Bengio, Patrick Haffner',
  },
  idea: {
    en: 'Convolutions with shared weights and subsampling layers, trained end to end by backpropagation, read handwritten digits better than hand-made features. It set the pattern every later CNN follows: convolve, pool, repeat, then classify with dense layers.',
    zh: '共享权重的卷积层与下采样层通过反向传播端到端训练，识别手写数字的效果超过了人工设计的特征。它确立了此后所有 CNN 都遵循的模式：卷积、池化、重复，最后用全连接层分类。',
  },
  pretrained: false,
};
