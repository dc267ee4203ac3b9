/** What a training run writes besides the model: log.csv, log.json and meta.json's content. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EpochLog } from './checkpoint';

export function writeLogs(dir: string, log: EpochLog[]): void {
  const header = 'epoch,loss,accuracy,val_loss,val_accuracy,learning_rate,seconds';
  const rows = log.map((e) =>
    [e.epoch, e.loss, e.accuracy, e.valLoss, e.valAccuracy, e.learningRate, e.seconds].join(','),
  );
  writeFileSync(join(dir, 'log.csv'), `${[header, ...rows].join('\n')}\n`);
  writeFileSync(join(dir, 'log.json'), `${JSON.stringify(log, null, 2)}\n`);
}

export interface TrainingSettings {
  backend: string;
  seed: number;
  batch: number;
  optimizer: string;
  learningRate: number;
  weightDecay: number;
  epochBudget: number;
  augmentation: { flip: boolean; cropShift: number };
  validationImages: number;
  trainingImages: number;
}

/**
 * meta.json: what the app reads (src/lib/model/meta.ts) and how the weights were made. Written
 * after every epoch while a run goes on (`testEval` null: the test split is only used once, at
 * the end; `training.finished` false), so the best weights so far can be opened, marked as such.
 */
export function trainingMeta(r: {
  name: string;
  classes: string[];
  size: number;
  preprocessingDescription: string;
  testEval: { accuracy: number; confusion: number[][] } | null;
  testImages: number;
  bestEpoch: number;
  bestValAccuracy: number;
  training: TrainingSettings;
  log: EpochLog[];
}) {
  const seconds = r.log.reduce((s, e) => s + e.seconds, 0);
  const images = r.log.length * r.training.trainingImages;
  return {
    name: r.name,
    dataset: 'CIFAR-10',
    classes: r.classes,
    inputSize: [r.size, r.size, 3],
    preprocessing: { fit: 'crop', size: r.size, scale: '1/255', description: r.preprocessingDescription },
    testAccuracy: r.testEval?.accuracy ?? null,
    testImages: r.testEval ? r.testImages : 0,
    ...(r.testEval ? { confusion: r.testEval.confusion } : {}),
    bestEpoch: r.bestEpoch,
    bestValAccuracy: r.bestValAccuracy,
    training: {
      finished: r.testEval !== null,
      ...r.training,
      epochs: r.log.length,
      schedule: `cosine decay to 5% over ${r.training.epochBudget} epochs`,
      totalSeconds: seconds,
      imagesPerSecond: seconds > 0 ? Math.round(images / seconds) : null,
    },
    log: r.log,
  };
}
