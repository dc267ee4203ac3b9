/**
 * The net of the volume views' browser test, one chain: an image reshaped into a volume of 4
 * slices, a Conv2D over each slice (TimeDistributed), a Conv3D, 3-D pooling, and a Dense over
 * each step of the pooled volume read as a sequence (TimeDistributed).
 */
import type { NetworkSpec } from '../../src/lib/spec/types';

export const volumeNet: NetworkSpec = {
  name: 'Volumes',
  layers: [
    { id: 'input', type: 'Input', params: { shape: [16, 16, 3] }, inputs: [] },
    { id: 'vol', type: 'Reshape', params: { targetShape: [4, 8, 8, 3] }, inputs: ['input'] },
    {
      id: 'td_conv',
      type: 'TimeDistributed',
      params: {
        layer: 'Conv2D',
        'layer.filters': 3,
        'layer.kernelSize': [3, 3],
        'layer.strides': [1, 1],
        'layer.padding': 'same',
        'layer.dilation': [1, 1],
        'layer.activation': 'tanh',
        'layer.useBias': true,
      },
      inputs: ['vol'],
    },
    {
      id: 'c3d',
      type: 'Conv3D',
      params: {
        filters: 4,
        kernelSize: [3, 3, 3],
        strides: [1, 2, 2],
        padding: 'same',
        dilation: [1, 1, 1],
        activation: 'tanh',
        useBias: true,
      },
      inputs: ['td_conv'],
    },
    {
      id: 'max3d',
      type: 'MaxPooling3D',
      params: { poolSize: [2, 2, 2], strides: [1, 2, 2], padding: 'same' },
      inputs: ['c3d'],
    },
    {
      id: 'avg3d',
      type: 'AveragePooling3D',
      params: { poolSize: [2, 2, 2], strides: [2, 1, 1], padding: 'same' },
      inputs: ['max3d'],
    },
    { id: 'seq', type: 'Reshape', params: { targetShape: [2, 16] }, inputs: ['avg3d'] },
    {
      id: 'td_dense',
      type: 'TimeDistributed',
      params: { layer: 'Dense', 'layer.units': 5, 'layer.activation': 'tanh', 'layer.useBias': true },
      inputs: ['seq'],
    },
    { id: 'flat', type: 'Flatten', params: {}, inputs: ['td_dense'] },
    {
      id: 'output',
      type: 'Dense',
      params: { units: 4, activation: 'softmax', useBias: true },
      inputs: ['flat'],
    },
  ],
};
