/** The training settings form's fields, in the order they show: what each edits, its label and its limits. */
import { OPTIMIZERS, type OptimizerName, type TrainingConfig } from '../../lib/training/config';
import { SCHEDULE_KINDS } from '../../lib/training/schedule';
import { INIT_SCHEMES } from '../../lib/training/init';
import type { MessageKey } from '../../lib/i18n';

type NumberKey = 'learningRate' | 'batchSize' | 'epochs' | 'seed' | 'snapshotEvery' | 'validateEvery';
type ChoiceKey = 'optimizer' | 'schedule' | 'init';

export interface NumberField {
  kind: 'number';
  key: NumberKey;
  label: MessageKey;
  testid: string;
  min: number;
  max?: number;
  step: number | 'any';
  /** Shows "steps" after the box. */
  perStep?: boolean;
  /** Stays editable while a run is going (the run takes the new value at once). */
  live?: boolean;
}

export interface ChoiceField {
  kind: 'choice';
  key: ChoiceKey;
  label: MessageKey;
  testid: string;
  options: readonly { value: string; label: MessageKey }[];
}

export type SettingField = NumberField | ChoiceField;

const optimizerKey: Record<OptimizerName, MessageKey> = {
  sgd: 'training.opt.sgd',
  momentum: 'training.opt.momentum',
  adam: 'training.opt.adam',
};
const scheduleKey: Record<TrainingConfig['schedule'], MessageKey> = {
  constant: 'training.schedule.constant',
  step: 'training.schedule.step',
  cosine: 'training.schedule.cosine',
};
const initKey: Record<TrainingConfig['init'], MessageKey> = {
  glorot: 'training.init.glorot',
  he: 'training.init.he',
  normal: 'training.init.normal',
};

const options = <T extends string>(values: readonly T[], names: Record<T, MessageKey>) =>
  values.map((value) => ({ value, label: names[value] }));

/** The fields above the augmentation box. */
export const MAIN_FIELDS: readonly SettingField[] = [
  {
    kind: 'choice',
    key: 'optimizer',
    label: 'training.optimizer',
    testid: 'cfg-optimizer',
    options: options(OPTIMIZERS, optimizerKey),
  },
  {
    kind: 'number',
    key: 'learningRate',
    label: 'training.learningRate',
    testid: 'cfg-lr',
    min: 0,
    step: 'any',
  },
  {
    kind: 'choice',
    key: 'schedule',
    label: 'training.schedule',
    testid: 'cfg-schedule',
    options: options(SCHEDULE_KINDS, scheduleKey),
  },
  {
    kind: 'number',
    key: 'batchSize',
    label: 'training.batchSize',
    testid: 'cfg-batch',
    min: 1,
    max: 512,
    step: 1,
  },
  {
    kind: 'number',
    key: 'epochs',
    label: 'training.epochs',
    testid: 'cfg-epochs',
    min: 1,
    max: 1000,
    step: 1,
  },
  {
    kind: 'choice',
    key: 'init',
    label: 'training.init',
    testid: 'cfg-init',
    options: options(INIT_SCHEMES, initKey),
  },
  { kind: 'number', key: 'seed', label: 'training.seed', testid: 'cfg-seed', min: 0, step: 1 },
];

/** The fields below it: how often the explainer and the validation follow the run. */
export const CADENCE_FIELDS: readonly SettingField[] = [
  {
    kind: 'number',
    key: 'snapshotEvery',
    label: 'training.snapshotEvery',
    testid: 'cfg-snapshot',
    min: 1,
    step: 1,
    perStep: true,
    live: true,
  },
  {
    kind: 'number',
    key: 'validateEvery',
    label: 'training.validateEvery',
    testid: 'cfg-validate',
    min: 1,
    step: 1,
    perStep: true,
  },
];
