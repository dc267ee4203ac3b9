/**
 * Small demo networks for the overview, opened with `?net=<name>`. They run with random
 * weights (the UI says so): they exist to show that every view works for conv nets other
 * than TinyVGG — deeper, wider, larger inputs, strides and same padding.
 */
import type { LayerSpec, Localized, NetworkSpec } from '../spec/types';

export interface DemoNet {
  name: string;
  title: Localized;
  spec: NetworkSpec;
  classes: string[];
}

interface ConvOptions {
  filters: number;
  kernel?: number;
  stride?: number;
  padding?: 'valid' | 'same';
  activation?: string;
  dilation?: number;
}

function conv(id: string, input: string, o: ConvOptions): LayerSpec {
  const k = o.kernel ?? 3;
  const s = o.stride ?? 1;
  const d = o.dilation ?? 1;
  return {
    id,
    type: 'Conv2D',
    params: {
      filters: o.filters,
      kernelSize: [k, k],
      strides: [s, s],
      padding: o.padding ?? 'same',
      dilation: [d, d],
      activation: o.activation ?? 'linear',
      useBias: true,
    },
    inputs: [input],
  };
}

function act(id: string, input: string, activation: string): LayerSpec {
  return { id, type: 'Activation', params: { activation }, inputs: [input] };
}

function pool(id: string, input: string, type = 'MaxPooling2D'): LayerSpec {
  return { id, type, params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' }, inputs: [input] };
}

function head(input: string, classes: number, hidden = 0): LayerSpec[] {
  const layers: LayerSpec[] = [{ id: 'flatten', type: 'Flatten', params: {}, inputs: [input] }];
  let last = 'flatten';
  if (hidden > 0) {
    layers.push({
      id: 'dense_hidden',
      type: 'Dense',
      params: { units: hidden, activation: 'relu', useBias: true },
      inputs: [last],
    });
    last = 'dense_hidden';
  }
  layers.push({
    id: 'output',
    type: 'Dense',
    params: { units: classes, activation: 'softmax', useBias: true },
    inputs: [last],
  });
  return layers;
}

const CLASSES = Array.from({ length: 10 }, (_, i) => `class ${i}`);

function input(size: number): LayerSpec {
  return { id: 'input', type: 'Input', params: { shape: [size, size, 3] }, inputs: [] };
}

/** Eight 3×3 convs with the ReLU inside each conv layer, pooling after every pair. */
function deep8(): NetworkSpec {
  const layers: LayerSpec[] = [input(64)];
  let last = 'input';
  for (let b = 1; b <= 4; b++) {
    for (let i = 1; i <= 2; i++) {
      const id = `conv_${b}_${i}`;
      layers.push(conv(id, last, { filters: 8 + 4 * b, activation: 'relu' }));
      last = id;
    }
    layers.push(pool(`pool_${b}`, last));
    last = `pool_${b}`;
  }
  return { name: 'Deep8', layers: [...layers, ...head(last, 10)] };
}

/** A 128×128 input, a 64-channel strided 5×5 conv, tanh, dropout and a hidden dense layer. */
function wide128(): NetworkSpec {
  return {
    name: 'Wide128',
    layers: [
      input(128),
      conv('conv_wide', 'input', { filters: 64, kernel: 5, stride: 2 }),
      act('tanh_1', 'conv_wide', 'tanh'),
      conv('conv_mix', 'tanh_1', { filters: 24, stride: 2 }),
      act('relu_2', 'conv_mix', 'relu'),
      pool('avg_pool', 'relu_2', 'AveragePooling2D'),
      { id: 'dropout', type: 'Dropout', params: { rate: 0.25 }, inputs: ['avg_pool'] },
      ...head('dropout', 10, 32),
    ],
  };
}

/** Same padding with stride 2 instead of pooling, a dilated conv and valid padding mixed in. */
function strided(): NetworkSpec {
  return {
    name: 'Strided',
    layers: [
      input(64),
      conv('conv_s1', 'input', { filters: 12, stride: 2 }),
      act('relu_s1', 'conv_s1', 'relu'),
      conv('conv_s2', 'relu_s1', { filters: 16, stride: 2, padding: 'same' }),
      act('relu_s2', 'conv_s2', 'relu'),
      conv('conv_dilated', 'relu_s2', { filters: 16, dilation: 2, padding: 'valid' }),
      act('elu', 'conv_dilated', 'elu'),
      pool('max_pool', 'elu'),
      ...head('max_pool', 10),
    ],
  };
}

export const DEMO_NETS: readonly DemoNet[] = [
  {
    name: 'deep8',
    title: { en: 'Deep8: eight conv layers', zh: 'Deep8：八个卷积层' },
    spec: deep8(),
    classes: CLASSES,
  },
  {
    name: 'wide128',
    title: { en: 'Wide128: 128×128 input, 64 channels', zh: 'Wide128：128×128 输入，64 个通道' },
    spec: wide128(),
    classes: CLASSES,
  },
  {
    name: 'strided',
    title: { en: 'Strided: stride 2 and dilation', zh: 'Strided：步幅 2 与空洞卷积' },
    spec: strided(),
    classes: CLASSES,
  },
];

export function findDemoNet(name: string): DemoNet | undefined {
  return DEMO_NETS.find((n) => n.name === name);
}
