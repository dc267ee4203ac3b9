/**
 * The settings of a training run, their defaults, and checks that name the setting that is
 * wrong and the range it must be in (the form shows these next to the field).
 */
import type { Localized } from '../spec/types';
import type { InitScheme } from './init';
import type { ScheduleKind } from './schedule';

export type OptimizerName = 'sgd' | 'momentum' | 'adam';

export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  schedule: ScheduleKind;
  batchSize: number;
  epochs: number;
  flip: boolean;
  /** Random-crop shift in pixels (0 = off). */
  cropPad: number;
  init: InitScheme;
  seed: number;
  /** Share of each class held out for validation. */
  validationShare: number;
  /** Send the weights to the explainer every this many steps. */
  snapshotEvery: number;
  /** Evaluate the validation set every this many steps (and after each epoch). */
  validateEvery: number;
}

export const DEFAULT_CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.003,
  schedule: 'cosine',
  batchSize: 32,
  epochs: 3,
  flip: false,
  cropPad: 0,
  init: 'he',
  seed: 1,
  validationShare: 0.2,
  snapshotEvery: 10,
  validateEvery: 40,
};

/** A sensible learning rate to start from for each optimizer. */
export const SUGGESTED_RATE: Record<OptimizerName, number> = { sgd: 0.05, momentum: 0.01, adam: 0.003 };

export type ConfigField = keyof TrainingConfig;

export interface ConfigIssue {
  field: ConfigField;
  message: Localized;
}

interface Range {
  field: ConfigField;
  label: Localized;
  min: number;
  max: number;
  integer: boolean;
}

const RANGES: readonly Range[] = [
  {
    field: 'learningRate',
    label: { en: 'Learning rate', zh: '学习率' },
    min: 1e-7,
    max: 1000,
    integer: false,
  },
  { field: 'batchSize', label: { en: 'Batch size', zh: '批大小' }, min: 1, max: 512, integer: true },
  { field: 'epochs', label: { en: 'Epochs', zh: '轮数' }, min: 1, max: 1000, integer: true },
  { field: 'cropPad', label: { en: 'Crop shift', zh: '裁剪平移' }, min: 0, max: 16, integer: true },
  { field: 'seed', label: { en: 'Seed', zh: '随机种子' }, min: 0, max: 2 ** 31 - 1, integer: true },
  {
    field: 'validationShare',
    label: { en: 'Validation share', zh: '验证集比例' },
    min: 0.05,
    max: 0.5,
    integer: false,
  },
  {
    field: 'snapshotEvery',
    label: { en: 'Update the explainer every', zh: '解释器更新间隔' },
    min: 1,
    max: 10000,
    integer: true,
  },
  {
    field: 'validateEvery',
    label: { en: 'Validate every', zh: '验证间隔' },
    min: 1,
    max: 100000,
    integer: true,
  },
];

export function validateConfig(config: TrainingConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const r of RANGES) {
    const v = config[r.field] as number;
    const ok = Number.isFinite(v) && v >= r.min && v <= r.max && (!r.integer || Number.isInteger(v));
    if (!ok)
      issues.push({
        field: r.field,
        message: {
          en: `${r.label.en} must be ${r.integer ? 'a whole number' : 'a number'} from ${r.min} to ${r.max}${Number.isFinite(v) ? `, not ${v}` : ''}.`,
          zh: `${r.label.zh}必须是 ${r.min} 到 ${r.max} 之间的${r.integer ? '整数' : '数'}${Number.isFinite(v) ? `，而不是 ${v}` : ''}。`,
        },
      });
  }
  return issues;
}
