/**
 * The networks `npm run train -- --model <id>` can train on CIFAR-10: which spec, at which
 * input size, where the results go and the settings each was tuned with. Every option given on
 * the command line overrides these defaults.
 */
import type { NetworkSpec } from '../../src/lib/spec/types';
import { tinyVggCard, tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { resnet8CifarCard, resnetCifarSpec } from '../../src/lib/zoo/resnetCifar';
import { mobilenetCifarCard, mobilenetCifarSpec } from '../../src/lib/zoo/mobilenetCifar';

export interface TrainDefaults {
  epochs: number;
  batch: number;
  lr: number;
  optimizer: 'adam' | 'momentum' | 'sgd';
  /** Decoupled weight decay (AdamW style) on conv and dense kernels, per unit of learning rate. */
  weightDecay: number;
  crop: number;
  patience: number;
}

export interface TrainableModel {
  /** The zoo id and the value of --model. */
  id: string;
  /** As meta.json names it. */
  name: string;
  /** models/<the zoo card's weights folder>, where the app looks for them. */
  out: string;
  inputSize: number;
  spec(classes: number): NetworkSpec;
  defaults: TrainDefaults;
  /**
   * The test accuracy at which the best weights of a run still going may ship
   * (`npm run eval -- --record`, see trainedIndex.ts); absent: only a finished run ships.
   */
  shipAt?: number;
}

export const TRAINABLE: readonly TrainableModel[] = [
  {
    id: tinyVggCard.id,
    name: 'TinyVGG',
    out: `models/${tinyVggCard.weights}`,
    inputSize: 64,
    spec: (classes) => tinyVggSpec(classes, 64),
    defaults: { epochs: 20, batch: 64, lr: 0.002, optimizer: 'adam', weightDecay: 0, crop: 4, patience: 5 },
  },
  {
    id: resnet8CifarCard.id,
    name: 'ResNet-8',
    out: `models/${resnet8CifarCard.weights}`,
    inputSize: 32,
    spec: (classes) => resnetCifarSpec(classes, 1),
    shipAt: 0.75,
    defaults: {
      epochs: 25,
      batch: 64,
      lr: 0.003,
      optimizer: 'adam',
      weightDecay: 0.05,
      crop: 4,
      patience: 0,
    },
  },
  {
    id: mobilenetCifarCard.id,
    name: 'MobileNet-CIFAR',
    out: `models/${mobilenetCifarCard.weights}`,
    inputSize: 32,
    spec: (classes) => mobilenetCifarSpec(classes),
    shipAt: 0.7,
    defaults: {
      epochs: 25,
      batch: 64,
      lr: 0.003,
      optimizer: 'adam',
      weightDecay: 0.05,
      crop: 4,
      patience: 0,
    },
  },
];

export function trainableModel(id: string): TrainableModel {
  const m = TRAINABLE.find((t) => t.id === id);
  if (!m) throw new Error(`--model must be one of ${TRAINABLE.map((t) => t.id).join(', ')}, not "${id}"`);
  return m;
}
