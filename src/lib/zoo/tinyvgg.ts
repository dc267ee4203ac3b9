/**
 * TinyVGG as CNN Explainer defines it: two blocks of (conv 3×3 + ReLU) ×2 and a 2×2 max
 * pool, then a dense softmax classifier. All conv layers use 10 filters and valid padding.
 */
import type { LayerSpec, NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';

function conv(id: string, input: string): LayerSpec {
  return {
    id,
    type: 'Conv2D',
    params: {
      filters: 10,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      dilation: [1, 1],
      activation: 'linear',
      useBias: true,
    },
    inputs: [input],
  };
}

function relu(id: string, input: string): LayerSpec {
  return { id, type: 'Activation', params: { activation: 'relu' }, inputs: [input] };
}

function pool(id: string, input: string): LayerSpec {
  return {
    id,
    type: 'MaxPooling2D',
    params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
    inputs: [input],
  };
}

export function tinyVggSpec(classes = 10, inputSize = 64): NetworkSpec {
  return {
    name: 'TinyVGG',
    layers: [
      { id: 'input', type: 'Input', params: { shape: [inputSize, inputSize, 3] }, inputs: [] },
      conv('conv_1_1', 'input'),
      relu('relu_1_1', 'conv_1_1'),
      conv('conv_1_2', 'relu_1_1'),
      relu('relu_1_2', 'conv_1_2'),
      pool('max_pool_1', 'relu_1_2'),
      conv('conv_2_1', 'max_pool_1'),
      relu('relu_2_1', 'conv_2_1'),
      conv('conv_2_2', 'relu_2_1'),
      relu('relu_2_2', 'conv_2_2'),
      pool('max_pool_2', 'relu_2_2'),
      { id: 'flatten', type: 'Flatten', params: {}, inputs: ['max_pool_2'] },
      {
        id: 'output',
        type: 'Dense',
        params: { units: classes, activation: 'softmax', useBias: true },
        inputs: ['flatten'],
      },
    ],
  };
}

export const tinyVggCard: ZooCard = {
  id: 'tinyvgg',
  name: 'TinyVGG',
  year: 2020,
  paper: {
    title: 'CNN Explainer: Learning Convolutional Neural Networks with Interactive Visualization',
    authors:
      'Zijie J. Wang, Robert Turko, Omar Shaikh, Haekyu Park, Nilaksh Das, Fred Hohman, Minsuk Kahng, Duen Horng Chau',
  },
  idea: {
    en: 'A VGG in miniature: four 3×3 convolutions with ReLU in two blocks, each block closed by a 2×2 max pool, and one dense layer that scores the classes. It is small enough to show every neuron of every layer at once, which is what CNN Explainer does with it.',
    zh: '微缩版的 VGG：两个块中共四个带 ReLU 的 3×3 卷积，每个块以 2×2 最大池化结束，最后一个全连接层为各类别打分。它小到可以同时展示每一层的每一个神经元，CNN Explainer 正是这样使用它的。',
  },
  pretrained: true,
  weights: 'tinyvgg-cifar10',
};
