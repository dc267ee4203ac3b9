/**
 * The training log as CSV, one row per step; the validation columns are filled on the steps
 * after which the validation set was evaluated and empty elsewhere (so any spreadsheet or
 * pandas can plot it like Caffe's parsed logs).
 */
import type { TrainingLog } from './log';

export const CSV_HEADER = 'step,epoch,seconds,learning_rate,loss,accuracy,val_loss,val_accuracy';

function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return String(Number(v.toPrecision(6)));
}

export function logToCsv(log: TrainingLog): string {
  const val = new Map(log.validation.map((v) => [v.step, v]));
  const rows = log.steps.map((s) => {
    const v = val.get(s.step);
    return [
      s.step,
      s.epoch,
      num(s.seconds),
      num(s.learningRate),
      num(s.loss),
      num(s.accuracy),
      v ? num(v.loss) : '',
      v ? num(v.accuracy) : '',
    ].join(',');
  });
  return `${[CSV_HEADER, ...rows].join('\n')}\n`;
}
